package org.canopy.risk.register;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The register's entry in the service navigation. */
@Configuration
class RiskPages {

    @Bean
    ServicePages riskPage() {
        return ServicePages.entry(60, "Risks", "/risks", "/risks");
    }
}
