package io.citykpi.gateway.kpi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last few computed answers, least recently used first out. Keys carry the revision of the facts
 * they were computed from, so an answer is reused only while no fact was added; outdated entries are
 * never asked for again and age out. Many readers of one cockpit ask the same questions.
 */
final class RecentResults<K, V> {

    private final Map<K, V> entries;

    RecentResults(int capacity) {
        entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The remembered answer for the key, else computes and remembers it; a null key is never remembered. */
    V get(K key, Supplier<V> compute) {
        if (key == null) {
            return compute.get();
        }
        synchronized (entries) {
            V known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        V computed = compute.get();
        synchronized (entries) {
            entries.put(key, computed);
        }
        return computed;
    }
}
