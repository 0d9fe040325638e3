package org.canopy.data.dashboard;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data dashboard's entry in the service navigation; the published view needs no sign-in. */
@Configuration
class DataPages {

    @Bean
    ServicePages dataPage() {
        return ServicePages.entry(30, "Data", "/dashboard", "/dashboard", "/data").open("/public/**");
    }
}
