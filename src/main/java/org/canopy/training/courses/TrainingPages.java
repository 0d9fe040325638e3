package org.canopy.training.courses;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Training's entry in the service navigation. */
@Configuration
class TrainingPages {

    @Bean
    ServicePages trainingPage() {
        return ServicePages.entry(64, "Training", "/training", "/training");
    }
}
