package io.citykpi.gateway.ledger;

import io.citykpi.gateway.facts.Fact;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps a generation's ledger in step with its facts. New facts of a record change its rows: when they
 * were recorded after everything known about it (the common case) the rows standing now are compared
 * with the rows the new facts give; a fact recorded earlier than facts already applied rewrites the
 * versions from its moment on. Either way only the record's own facts are read, never history.
 */
@ApplicationScoped
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class);
    private static final int BUILD_FLUSH_ROWS = 20_000;

    private final FactStore facts;
    private final LedgerStore store;
    private final Rulebook rulebook;

    public Ledger(FactStore facts, LedgerStore store, Rulebook rulebook) {
        this.facts = facts;
        this.store = store;
        this.rulebook = rulebook;
    }

    /** What applying a batch did, for metrics and logs. */
    public record Applied(int records, int rowsWritten, int lateFacts) {
    }

    /** Applies facts just stored in the generation (in the caller's transaction). */
    public Applied apply(LedgerTables t, List<Fact> added) {
        if (added.isEmpty()) {
            return new Applied(0, 0, 0);
        }
        Map<String, List<Fact>> addedByKey = new LinkedHashMap<>();
        Map<String, LedgerRules> rulesByKey = new LinkedHashMap<>();
        Set<UUID> addedIds = new HashSet<>();
        for (Fact fact : added) {
            LedgerRules rules = rulebook.forType(fact.type()).orElseThrow();
            String key = rules.replayKey(fact);
            addedByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(fact);
            rulesByKey.put(key, rules);
            addedIds.add(fact.eventId());
        }
        Map<String, List<Fact>> stored = facts.byReplayKey(t, addedByKey.keySet());
        List<RecordChanges> changes = new ArrayList<>();
        int late = 0;
        for (Map.Entry<String, List<Fact>> entry : addedByKey.entrySet()) {
            String key = entry.getKey();
            List<Fact> known = stored.getOrDefault(key, List.of()).stream()
                    .filter(f -> !addedIds.contains(f.eventId())).toList();
            LedgerRules rules = rulesByKey.get(key);
            if (RecordHistory.isInOrder(known, entry.getValue())) {
                changes.add(RecordHistory.append(rules, key, known, entry.getValue()));
            } else {
                late += entry.getValue().size();
                LOG.debugf("%s: a fact recorded before facts already applied; rewriting its versions", key);
                changes.add(RecordHistory.rewrite(rules, key, known, entry.getValue()));
            }
        }
        store.write(t, changes);
        store.addTotals(t, new Totals().addAll(changes));
        int rows = changes.stream().mapToInt(c -> c.inserted().size() + c.superseded().size() + c.deleted().size()).sum();
        return new Applied(addedByKey.size(), rows, late);
    }

    /**
     * Builds the whole ledger of a generation from the facts it holds, record by record: every version of
     * every record, written in bulk (a rebuild's second phase; the generation is not served yet).
     *
     * @return the number of records
     */
    public long buildFromFacts(LedgerTables t) {
        List<Object[]> rows = new ArrayList<>();
        Totals[] totals = {new Totals()};
        long[] records = {0};
        facts.eachRecord(t, recordFacts -> {
            Fact first = recordFacts.get(0);
            LedgerRules rules = rulebook.forType(first.type()).orElseThrow();
            String key = rules.replayKey(first);
            for (RecordedRow row : RecordHistory.of(rules, recordFacts)) {
                rows.add(new Object[] {key, row});
                totals[0].recorded(row, 1);
            }
            records[0]++;
            if (rows.size() >= BUILD_FLUSH_ROWS) {
                store.insert(t, rows);
                store.addTotals(t, totals[0]);
                rows.clear();
                totals[0] = new Totals();
            }
        });
        store.insert(t, rows);
        store.addTotals(t, totals[0]);
        return records[0];
    }
}
