package org.canopy.governance.escalations;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The executive's entries in the service navigation: its overview and the escalations to it (the news page is linked from the overview). */
@Configuration
class ExecutivePages {

    @Bean
    ServicePages executiveNavigation() {
        return ServicePages.entry(49, "Executive", "/governance/executive", "/governance/executive", "/governance/escalations");
    }
}
