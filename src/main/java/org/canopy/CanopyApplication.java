package org.canopy;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Canopy: the shared workspace of a local safeguarding children partnership. */
@SpringBootApplication
@ConfigurationPropertiesScan // each module's settings records, bound and validated at start-up
@EnableScheduling
@EnableAsync // listeners of other modules' events run after the change commits, off the person's request
public class CanopyApplication {

    /** Starts Canopy; with {@code create-admin} it creates a production administrator instead, and exits. */
    public static void main(String[] args) {
        if (List.of(args).contains("create-admin")) {
            // A command, not a server: no web server, and the exit code says whether it worked.
            var application = new SpringApplication(CanopyApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        SpringApplication.run(CanopyApplication.class, args);
    }

    /** The one clock every module reads, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
