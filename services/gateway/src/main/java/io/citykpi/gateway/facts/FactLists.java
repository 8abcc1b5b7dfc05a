package io.citykpi.gateway.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Ways of reading a list of facts that the replay engine and the ledger rules share. */
public final class FactLists {

    private FactLists() {
    }

    /**
     * For figures that a later report replaces (a month's investment, a corrected registration date):
     * per key, the fact recorded last. Which facts exist at all was decided by the query's known-at moment.
     */
    public static <K> Map<K, Fact> latestRecorded(Collection<Fact> facts, Function<Fact, K> key) {
        Map<K, Fact> latest = new LinkedHashMap<>();
        for (Fact fact : facts) {
            latest.merge(key.apply(fact), fact, (a, b) -> Fact.RECORDING_ORDER.compare(a, b) >= 0 ? a : b);
        }
        return latest;
    }

    /** Facts grouped by subject, each group in history order. */
    public static Map<String, List<Fact>> histories(Collection<Fact> facts) {
        Map<String, List<Fact>> bySubject = new HashMap<>();
        for (Fact fact : facts) {
            bySubject.computeIfAbsent(fact.subject(), s -> new ArrayList<>()).add(fact);
        }
        bySubject.values().forEach(list -> list.sort(Fact.HISTORY_ORDER));
        return bySubject;
    }

    public static List<Fact> ofTypes(Collection<Fact> facts, String... types) {
        Set<String> wanted = Set.of(types);
        return facts.stream().filter(f -> wanted.contains(f.type())).toList();
    }

    /** The facts of the given types in history order: business date, then the order they were recorded. */
    public static List<Fact> history(Collection<Fact> facts, String... types) {
        Set<String> wanted = Set.of(types);
        return facts.stream().filter(f -> wanted.contains(f.type())).sorted(Fact.HISTORY_ORDER).toList();
    }
}
