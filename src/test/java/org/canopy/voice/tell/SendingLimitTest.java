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
        for (int i = 0; i < tries && limit.take(address); i++) {
            sent++;
            clock.now = clock.now.plusSeconds(1);
        }
        return sent;
    }

    @Test
    void theTwentyFirstMessageInTenMinutesIsRefusedThenAllowedOnceTheWindowMovesOn() {
        assertThat(sendUntilRefused("10.0.0.1", 25)).isEqualTo(20);
        assertThat(limit.take("10.0.0.1")).isFalse();
        assertThat(limit.take("10.0.0.2")).as("another address is not affected").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(limit.take("10.0.0.1")).isTrue();
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
        assertThat(limit.take("10.0.0.3")).isTrue();
    }

    @Test
    void fortyMessagesAtOnceFromOneAddressLetExactlyTwentyThrough() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var taken = new java.util.concurrent.atomic.AtomicInteger();
            var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 40; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    if (limit.take("192.0.2.99")) {
                        taken.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) {
                f.get();
            }
            assertThat(taken.get()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMessageGivenBackIsNotCounted() {
        for (int i = 0; i < 30; i++) {
            assertThat(limit.take("10.0.0.4")).isTrue();
            limit.giveBack("10.0.0.4");
        }
        assertThat(sendUntilRefused("10.0.0.4", 25)).isEqualTo(20);
    }
}
