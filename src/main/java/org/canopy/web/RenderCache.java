package org.canopy.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered output (a chart's SVG) kept by a key that changes whenever its content would: the data version is part
 * of the key, so a change makes a new entry and the old one ages out. Bounded, least recently used first out.
 */
public final class RenderCache {

    private final Map<String, byte[]> entries;

    /** A cache of at most {@code capacity} renderings. */
    public RenderCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The rendering kept for {@code key}, or {@code render}'s, kept for next time. */
    public byte[] get(String key, Supplier<byte[]> render) {
        synchronized (entries) {
            var kept = entries.get(key);
            if (kept != null) {
                return kept;
            }
        }
        // Rendered outside the lock: two first requests may both render, and the result is the same.
        byte[] rendered = render.get();
        synchronized (entries) {
            entries.put(key, rendered);
        }
        return rendered;
    }
}
