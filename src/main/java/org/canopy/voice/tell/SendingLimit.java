package org.canopy.voice.tell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Protects the tell us page and its API from floods without a CAPTCHA: per client address, at most
 * {@value #PER_WINDOW} messages in any {@value #WINDOW_MINUTES} minutes and {@value #PER_DAY} in any 24 hours (sliding
 * windows). A class on one school network sending a few messages each stays far below both. Addresses live in memory
 * only, never stored or logged, and are forgotten once they have sent nothing for a day (or on restart); on several
 * nodes each node counts its own, which only makes the limit looser.
 */
@Component
public class SendingLimit {

    static final int PER_WINDOW = 20;
    static final int WINDOW_MINUTES = 10;
    static final int PER_DAY = 60;

    /** Addresses held at most: past it, the oldest-looking are dropped rather than memory growing without end. */
    private static final int MAX_ADDRESSES = 50_000;

    private final Clock clock;
    private final int perWindow;
    private final Duration window;
    private final int perDay;
    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();

    @Autowired
    SendingLimit(Clock clock) {
        this(clock, PER_WINDOW, Duration.ofMinutes(WINDOW_MINUTES), PER_DAY);
    }

    /** Limits of the caller's choosing, on the caller's clock (tests). */
    SendingLimit(Clock clock, int perWindow, Duration window, int perDay) {
        this.clock = clock;
        this.perWindow = perWindow;
        this.window = window;
        this.perDay = perDay;
    }

    /**
     * Takes one of {@code address}'s messages now, if it has one left: the check and the count are one step under the
     * address's lock (the map's compute), so 40 messages sent at once let exactly the limit through.
     */
    boolean take(String address) {
        Instant now = clock.instant();
        if (sent.size() >= MAX_ADDRESSES) {
            forgetQuiet(now);
        }
        var taken = new boolean[1];
        sent.compute(key(address), (k, times) -> {
            var held = times == null ? new ArrayDeque<Instant>() : times;
            prune(held, now);
            Instant windowStart = now.minus(window);
            long recent = held.stream().filter(t -> t.isAfter(windowStart)).count();
            if (recent < perWindow && held.size() < perDay) {
                held.addLast(now);
                taken[0] = true;
            }
            return held.isEmpty() ? null : held;
        });
        return taken[0];
    }

    /** Gives back a message taken for one that was then refused or not kept: only kept messages count. */
    void giveBack(String address) {
        sent.computeIfPresent(key(address), (k, times) -> {
            times.pollLast();
            return times.isEmpty() ? null : times;
        });
    }

    /** Forgets every address, as a restart does (for tests that must not spend another test's allowance). */
    public void forgetAll() {
        sent.clear();
    }

    private void forgetQuiet(Instant now) {
        for (String address : sent.keySet()) {
            sent.computeIfPresent(address, (k, times) -> {
                prune(times, now);
                return times.isEmpty() ? null : times;
            });
        }
        if (sent.size() >= MAX_ADDRESSES) {
            sent.clear();
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        Instant dayAgo = now.minus(Duration.ofDays(1));
        while (!times.isEmpty() && !times.peekFirst().isAfter(dayAgo)) {
            times.removeFirst();
        }
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
