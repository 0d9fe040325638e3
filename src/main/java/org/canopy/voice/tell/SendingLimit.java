package org.canopy.voice.tell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
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

    /** Whether {@code address} may send another message now. */
    boolean allows(String address) {
        var times = sent.get(key(address));
        if (times == null) {
            return true;
        }
        Instant now = clock.instant();
        synchronized (times) {
            prune(times, now);
            long recent = times.stream().filter(t -> t.isAfter(now.minus(window))).count();
            return recent < perWindow && times.size() < perDay;
        }
    }

    /** Counts a message from {@code address}, sent now. */
    void count(String address) {
        Instant now = clock.instant();
        if (sent.size() >= MAX_ADDRESSES) {
            forgetQuiet(now);
        }
        var times = sent.computeIfAbsent(key(address), a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    /** Forgets every address, as a restart does (for tests that must not spend another test's allowance). */
    public void forgetAll() {
        sent.clear();
    }

    private void forgetQuiet(Instant now) {
        for (Iterator<Deque<Instant>> it = sent.values().iterator(); it.hasNext(); ) {
            var times = it.next();
            synchronized (times) {
                prune(times, now);
                if (times.isEmpty()) {
                    it.remove();
                }
            }
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
