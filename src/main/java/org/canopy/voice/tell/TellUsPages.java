package org.canopy.voice.tell;

import java.util.List;
import org.canopy.partnership.ServicePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tell us page is open to everyone and its form needs no session: a child whose session ended still sends their message. */
@Configuration
class TellUsPages {

    @Bean
    ServicePages tellUsPage() {
        return new ServicePages(0, null, null, List.of(), false, List.of("/public/tell-us", "/public/tell-us/**"), List.of(), List.of(),
                List.of("/public/tell-us"));
    }
}
