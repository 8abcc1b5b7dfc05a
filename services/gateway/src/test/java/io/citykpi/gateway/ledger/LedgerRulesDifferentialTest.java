package io.citykpi.gateway.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.citykpi.gateway.DomainEvents;
import io.citykpi.gateway.RandomCity;
import io.citykpi.gateway.catalogue.KpiCatalogue;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.figures.Figure;
import io.citykpi.gateway.investment.InvestmentLedger;
import io.citykpi.gateway.investment.InvestmentMeasures;
import io.citykpi.gateway.kpi.KpiCatalogueFixture;
import io.citykpi.gateway.livelihood.LivelihoodLedger;
import io.citykpi.gateway.livelihood.LivelihoodMeasures;
import io.citykpi.gateway.period.Period;
import io.citykpi.gateway.period.Window;
import io.citykpi.gateway.projects.ProjectLedger;
import io.citykpi.gateway.projects.ProjectMeasures;
import io.citykpi.gateway.reference.KpiEngine;
import io.citykpi.gateway.safety.SafetyLedger;
import io.citykpi.gateway.safety.SafetyMeasures;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ledger rules against the replay engine, without a database: random cities, every record's rows
 * built both at once and incrementally in a mixed arrival order (late facts rewrite versions), then
 * every KPI of every unit for sampled windows, as-of dates and known-at moments must match the
 * reference exactly (numerator, denominator, value and number of contributions). The same comparison
 * through Kafka and PostgreSQL is {@code LedgerDifferentialIT}-style {@code LedgerVersusReplayTest}.
 */
class LedgerRulesDifferentialTest {

    private static final KpiCatalogue CATALOGUE = KpiCatalogueFixture.catalogue();
    private static final OrgUnitRegistry UNITS = OrgUnitRegistry.bundled();
    private static final KpiEngine REFERENCE = new KpiEngine(CATALOGUE.all(), UNITS,
            List.of(new ProjectMeasures(), new InvestmentMeasures(), new LivelihoodMeasures(), new SafetyMeasures()));
    private static final List<LedgerRules> RULES = List.of(new ProjectLedger(), new InvestmentLedger(),
            new LivelihoodLedger(), new SafetyLedger());

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theLedgerAnswersEveryQuestionAsTheReplayDoes(long seed) {
        RandomCity city = new RandomCity(seed);
        List<CloudEvent> recorded = city.events(4_000);
        List<Fact> facts = new ArrayList<>();
        Map<java.util.UUID, Fact> byId = new LinkedHashMap<>();
        long sequence = 0;
        for (CloudEvent event : city.arrivalOrder(recorded)) {
            if (!byId.containsKey(event.id())) {
                Fact fact = DomainEvents.fact(event, ++sequence);
                byId.put(event.id(), fact);
                facts.add(fact);
            }
        }

        Map<String, List<Fact>> byKey = new LinkedHashMap<>();
        Map<String, LedgerRules> rulesOfKey = new HashMap<>();
        for (Fact fact : facts) {
            LedgerRules rules = rulesFor(fact);
            String key = rules.replayKey(fact);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(fact);
            rulesOfKey.put(key, rules);
        }
        List<RecordedRow> ledger = new ArrayList<>();
        Random batches = new Random(seed);
        byKey.forEach((key, keyFacts) -> {
            List<RecordedRow> whole = RecordHistory.of(rulesOfKey.get(key), keyFacts);
            assertEquals(set(whole), set(incrementally(rulesOfKey.get(key), key, keyFacts, batches)),
                    "applied in arrival order, " + key + " ends with the rows it gets at once");
            ledger.addAll(whole);
        });

        Random questions = new Random(seed * 31);
        List<String> mismatches = new ArrayList<>();
        for (int q = 0; q < 60; q++) {
            Window window = randomWindow(questions);
            OffsetDateTime knownAt = questions.nextInt(3) == 0 ? null
                    : facts.get(questions.nextInt(facts.size())).recordedAt().plusSeconds(questions.nextInt(3) - 1);
            List<Fact> known = facts.stream().filter(f -> knownAt == null || !f.recordedAt().isAfter(knownAt)).toList();
            KpiEngine.Results expected = REFERENCE.compute(known, window);
            Map<String, Map<String, Figure>> actual = sum(ledger, window, knownAt);
            for (KpiDefinition kpi : CATALOGUE.all()) {
                for (OrgUnit unit : UNITS.all()) {
                    Figure want = expected.get(kpi.id(), unit.code());
                    Figure got = actual.getOrDefault(kpi.id(), Map.of()).getOrDefault(unit.code(), Figure.NONE);
                    if (want.numerator().compareTo(got.numerator()) != 0
                            || want.denominator().compareTo(got.denominator()) != 0
                            || want.records() != got.records()) {
                        mismatches.add(window.period() + " asOf " + window.asOf() + " knownAt " + knownAt + " "
                                + kpi.id() + " " + unit.code() + ": replay " + want + ", ledger " + got);
                    }
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " differences, first: "
                + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
    }

    /** Applies the facts in their arrival order, in batches, as ingest does; the stored rows as a set. */
    private static List<RecordedRow> incrementally(LedgerRules rules, String key, List<Fact> arrival, Random random) {
        Map<RowKey, RecordedRow> stored = new LinkedHashMap<>();
        List<Fact> known = new ArrayList<>();
        int i = 0;
        while (i < arrival.size()) {
            int end = Math.min(arrival.size(), i + 1 + random.nextInt(3));
            List<Fact> added = arrival.subList(i, end);
            RecordChanges changes = RecordHistory.isInOrder(known, added)
                    ? RecordHistory.append(rules, key, known, added)
                    : RecordHistory.rewrite(rules, key, known, added);
            changes.deleted().forEach(row -> assertTrue(stored.remove(RowKey.of(row)) != null, "deletes a stored row"));
            for (RecordChanges.Supersede s : changes.superseded()) {
                RecordedRow match = stored.values().stream()
                        .filter(r -> r.row().equals(s.row()) && (s.recordedAt() == null ? r.supersededAt() == null
                                : r.recordedAt().isEqual(s.recordedAt())))
                        .findFirst().orElseThrow(() -> new AssertionError("supersedes a stored row: " + s));
                stored.put(RowKey.of(match), new RecordedRow(match.row(), match.recordedAt(), s.to()));
            }
            changes.inserted().forEach(row -> assertTrue(stored.put(RowKey.of(row), row) == null, "inserts a new row"));
            known.addAll(added);
            i = end;
        }
        return new ArrayList<>(stored.values());
    }

    private record RowKey(LedgerRow row, java.time.Instant recordedAt) {
        static RowKey of(RecordedRow row) {
            return new RowKey(row.row(), row.recordedAt().toInstant());
        }
    }

    private static Set<List<Object>> set(List<RecordedRow> rows) {
        Set<List<Object>> set = new HashSet<>();
        for (RecordedRow r : rows) {
            set.add(java.util.Arrays.asList(r.row(), r.recordedAt().toInstant(),
                    r.supersededAt() == null ? null : r.supersededAt().toInstant()));
        }
        assertEquals(rows.size(), set.size(), "no row twice");
        return set;
    }

    /** The ledger's arithmetic in memory: what the SQL over rows and pre-aggregates computes. */
    private static Map<String, Map<String, Figure>> sum(List<RecordedRow> ledger, Window window, OffsetDateTime knownAt) {
        Map<String, Map<String, Figure>> byKpi = new HashMap<>();
        for (RecordedRow recorded : ledger) {
            LedgerRow row = recorded.row();
            if (!recorded.knownAt(knownAt) || !row.countsIn(window)) {
                continue;
            }
            LedgerEntry e = row.entry();
            Figure figure = new Figure(e.numerator(), e.denominator() == null ? java.math.BigDecimal.ZERO : e.denominator(),
                    row.recordsIn(window.period().kind()), e.newestAt());
            for (OrgUnit unit : UNITS.selfAndAncestors(e.orgUnit())) {
                byKpi.computeIfAbsent(e.kpiId(), k -> new HashMap<>()).merge(unit.code(), figure, Figure::plus);
            }
        }
        return byKpi;
    }

    private static Window randomWindow(Random random) {
        int year = 2024 + random.nextInt(2);
        Period period = switch (random.nextInt(3)) {
            case 0 -> Period.year(year);
            case 1 -> new Period(Period.Kind.QUARTER, year, 1 + random.nextInt(4));
            default -> new Period(Period.Kind.MONTH, year, 1 + random.nextInt(12));
        };
        LocalDate asOf = LocalDate.of(2023, 12, 15).plusDays(random.nextInt(800));
        return new Window(period, asOf);
    }

    private static LedgerRules rulesFor(Fact fact) {
        return RULES.stream().filter(r -> r.source().equals(fact.source())).findFirst().orElseThrow();
    }
}
