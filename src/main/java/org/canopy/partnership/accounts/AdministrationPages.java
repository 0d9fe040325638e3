package org.canopy.partnership.accounts;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The administrator's entry in the service navigation. */
@Configuration
class AdministrationPages {

    @Bean
    ServicePages administrationPage() {
        return new ServicePages(90, "Administration", "/admin", java.util.List.of("/admin"), true,
                java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
    }
}
