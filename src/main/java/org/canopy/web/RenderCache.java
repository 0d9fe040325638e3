package org.canopy.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Rendered output (a chart's SVG, a whole page) kept by a key that changes whenever its content would: the data
 * version is part of the key, so a change makes a new entry and the old one ages out. Bounded by the bytes it
 * holds (Caffeine's size-based eviction, close to least recently used), so memory stays flat however many
 * partnerships, people and versions pass through.
 *
 * @param <T> what is kept
 */
public final class RenderCache<T> {

    private final Cache<String, T> entries;

    /** A cache of at most {@code maxBytes} of renderings, each weighing {@code bytes} of itself. */
    public RenderCache(long maxBytes, ToIntFunction<T> bytes) {
        this.entries = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((String key, T value) -> key.length() * 2 + bytes.applyAsInt(value)).build();
    }

    /** A cache of SVG or HTML bytes, at most {@code maxBytes} in all. */
    public static RenderCache<byte[]> ofBytes(long maxBytes) {
        return new RenderCache<>(maxBytes, b -> b.length);
    }

    /** The rendering kept for {@code key}, or {@code render}'s, kept for next time (two first callers wait for one). */
    public T get(String key, Function<String, T> render) {
        return entries.get(key, render);
    }

    /** The rendering kept for {@code key}, or null. */
    public T kept(String key) {
        return entries.getIfPresent(key);
    }

    /** Keeps a rendering made elsewhere (a page rendered by the view it was asked of). */
    public void keep(String key, T rendering) {
        entries.put(key, rendering);
    }
}
