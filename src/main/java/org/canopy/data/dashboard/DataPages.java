package org.canopy.data.dashboard;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data dashboard's entry in the service navigation; the published view needs no sign-in; the dashboard, an
 * indicator's page and the published view are rendered once per change.
 */
@Configuration
class DataPages {

    @Bean
    ServicePages dataPage() {
        return ServicePages.entry(30, "Data", "/dashboard", "/dashboard", "/data").open("/public/**")
                .keeping("/dashboard", "/dashboard/indicators/*", "/public/indicators");
    }
}
