package org.canopy.governance.groups;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The groups' entry in the service navigation. */
@Configuration
class GovernancePages {

    @Bean
    ServicePages groupsPage() {
        return ServicePages.entry(50, "Groups", "/groups", "/groups");
    }
}
