package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sending limit: 20 in 10 minutes and 60 a day per address, on a clock the test moves. */
class SendingLimitTest {

    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final SendingLimit limit = new SendingLimit(clock, SendingLimit.PER_WINDOW, Duration.ofMinutes(SendingLimit.WINDOW_MINUTES),
            SendingLimit.PER_DAY);

    private int sendUntilRefused(String address, int tries) {
        int sent = 0;
        for (int i = 0; i < tries && limit.allows(address); i++) {
            limit.count(address);
            sent++;
            clock.now = clock.now.plusSeconds(1);
        }
        return sent;
    }

    @Test
    void theTwentyFirstMessageInTenMinutesIsRefusedThenAllowedOnceTheWindowMovesOn() {
        assertThat(sendUntilRefused("10.0.0.1", 25)).isEqualTo(20);
        assertThat(limit.allows("10.0.0.1")).isFalse();
        assertThat(limit.allows("10.0.0.2")).as("another address is not affected").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(limit.allows("10.0.0.1")).isTrue();
    }

    @Test
    void aSchoolNetworkSendingAFewMessagesAnHourIsNeverRefused() {
        for (int lesson = 0; lesson < 6; lesson++) {
            assertThat(sendUntilRefused("192.0.2.10", 5)).isEqualTo(5);
            clock.now = clock.now.plus(Duration.ofMinutes(50));
        }
    }

    @Test
    void sixtyADayAtMost() {
        int sent = 0;
        for (int burst = 0; burst < 5; burst++) {
            sent += sendUntilRefused("10.0.0.3", 20);
            clock.now = clock.now.plus(Duration.ofMinutes(11));
        }
        assertThat(sent).isEqualTo(60);
        clock.now = clock.now.plus(Duration.ofHours(24));
        assertThat(limit.allows("10.0.0.3")).isTrue();
    }
}
