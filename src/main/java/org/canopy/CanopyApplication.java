package org.canopy;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Canopy: the shared workspace of a local safeguarding children partnership. */
@SpringBootApplication
@EnableScheduling
public class CanopyApplication {

    /** Starts Canopy; {@code create-admin} as first argument creates a production administrator instead. */
    public static void main(String[] args) {
        SpringApplication.run(CanopyApplication.class, args);
    }

    /** The one clock every module reads, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
