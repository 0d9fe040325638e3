package org.canopy.data.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.canopy.data.DataDemo;
import org.canopy.data.rounds.DataRounds;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the indicator catalogue the two seeds name, with only the figures they state (each with
 * its source quoted) and the England and London comparisons they give. Nothing is invented.
 */
@Component
public class DemoIndicators implements DataDemo {

    static final String RESOURCE = "demo/indicators.yaml";
    public static final String ACTOR = "demo";

    private final IndicatorFileReader reader;
    private final IndicatorCatalogue catalogue;
    private final DataRounds rounds;
    private final Clock clock;

    DemoIndicators(IndicatorFileReader reader, IndicatorCatalogue catalogue, DataRounds rounds, Clock clock) {
        this.reader = reader;
        this.catalogue = catalogue;
        this.rounds = rounds;
        this.clock = clock;
    }

    @Override
    public void load(long partnershipId) {
        var file = reader.read(seedFile());
        catalogue.load(partnershipId, ACTOR, file);
        // The quarter after the report's year, asking agencies for their quarterly figures: a request, not data.
        rounds.openForDemo(partnershipId, DEMO_ROUND, java.time.LocalDate.now(clock).plusDays(14));
    }

    static final String DEMO_ROUND = "2021-22-Q1";

    static String seedFile() {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo indicator file " + RESOURCE + " is missing", e);
        }
    }
}
