package org.canopy.voice.feedback;

import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The voice module's entry in the service navigation; "you said, we did" and the factsheet are public. */
@Configuration
class VoicePages {

    @Bean
    ServicePages voicePage() {
        return ServicePages.entry(45, "Children's voice", "/voice", "/voice").openForReading("/public/you-said-we-did", "/public/voice/**");
    }
}
