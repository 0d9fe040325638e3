package org.canopy.plan.plans;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan's entries in the service navigation. */
@Configuration
class PlanPages {

    @Bean
    ServicePages plansPage() {
        // A plan's page is rendered once per change (it is the plan's delivery as the data stands).
        return ServicePages.entry(10, "Plans", "/plans", "/plans", "/actions").keeping("/plans/*");
    }

    @Bean
    ServicePages myUpdatesPage() {
        return ServicePages.entry(20, "My updates", "/my-updates", "/my-updates");
    }
}
