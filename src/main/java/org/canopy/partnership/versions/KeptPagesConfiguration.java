package org.canopy.partnership.versions;

import java.util.List;
import org.canopy.partnership.DataVersion;
import org.canopy.partnership.ServicePages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link KeptPages} after Spring Security's filters (it needs to know who is signed in). */
@Configuration
class KeptPagesConfiguration {

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<KeptPages> keptPages(List<ServicePages> modules, DataVersion versions, PageSettings settings) {
        var paths = modules.stream().flatMap(m -> m.keptPages().stream()).distinct().toList();
        var registration = new FilterRegistrationBean<>(new KeptPages(paths, versions, settings.keptMegabytes() * (1L << 20)));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
