package org.canopy.learning.deadlines;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The learning hub's entry in the service navigation; a calendar app reads its feed with the secret in the address. */
@Configuration
class LearningPages {

    @Bean
    ServicePages learningPage() {
        return ServicePages.entry(40, "Learning", "/learning", "/learning").openForReading("/learning/calendar/*.ics");
    }
}
