package org.canopy.funding.budget;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Funding's entry in the service navigation; the published funding statements need no sign-in. */
@Configuration
class FundingPages {

    @Bean
    ServicePages fundingPage() {
        return ServicePages.entry(62, "Funding", "/funding", "/funding").openForReading("/public/funding/**");
    }
}
