package org.canopy.scrutiny.statement;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scrutiny's entry in the service navigation. */
@Configuration
class ScrutinyPages {

    @Bean
    ServicePages scrutinyPage() {
        return ServicePages.entry(55, "Scrutiny", "/scrutiny", "/scrutiny");
    }
}
