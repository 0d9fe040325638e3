package org.canopy.governance.arrangements;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The arrangements' entry in the service navigation (the linked boards sit under it) and their public page. */
@Configuration
class ArrangementsPages {

    @Bean
    ServicePages arrangementsPage() {
        return ServicePages.entry(48, "Arrangements", "/governance/arrangements", "/governance/arrangements", "/governance/boards")
                .openForReading("/public/arrangements");
    }
}
