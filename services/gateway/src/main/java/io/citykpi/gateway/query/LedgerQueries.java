package io.citykpi.gateway.query;

import io.citykpi.gateway.facts.Fact;
import io.citykpi.gateway.figures.Contribution;
import io.citykpi.gateway.figures.Figure;
import io.citykpi.gateway.figures.Figures;
import io.citykpi.gateway.ledger.LedgerRules;
import io.citykpi.gateway.ledger.LedgerTables;
import io.citykpi.gateway.ledger.Rulebook;
import io.citykpi.gateway.period.Window;
import io.citykpi.shared.orgunit.OrgUnit;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Answers questions from the active ledger generation: figures of any set of windows (rolled up the
 * org-unit tree), the records behind a figure, monthly reports. Figures are remembered per question
 * until the ledger or the targets change anywhere (a NOTIFY every replica hears), so a cockpit asking
 * again gets the answer without a query.
 */
@ApplicationScoped
public class LedgerQueries {

    private static final int REMEMBERED = 512;

    private final LedgerReads reads;
    private final ContributionReads contributions;
    private final FactReads facts;
    private final ReadSide readSide;
    private final LedgerWatch watch;
    private final OrgUnitRegistry orgUnits;
    private final Rulebook rulebook;
    private final Map<Key, Remembered> remembered = new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    };

    public LedgerQueries(LedgerReads reads, ContributionReads contributions, FactReads facts, ReadSide readSide,
                         LedgerWatch watch, OrgUnitRegistry orgUnits, Rulebook rulebook) {
        this.reads = reads;
        this.contributions = contributions;
        this.facts = facts;
        this.readSide = readSide;
        this.watch = watch;
        this.orgUnits = orgUnits;
        this.rulebook = rulebook;
    }

    private record Key(List<Window> windows, Instant knownAt, Set<String> kpiIds) {
    }

    private record Remembered(long token, int generation, Map<Window, Map<String, Map<String, Figure>>> figures) {
    }

    /**
     * The figures of each window for every unit, as known at the moment (null: now).
     *
     * @param kpiIds the KPIs wanted (null: all)
     */
    @Timed(value = "citykpi.gateway.kpi.query", description = "Time to read the KPI figures of a question", histogram = true)
    public Map<Window, Figures> figures(List<Window> windows, OffsetDateTime knownAt, Collection<String> kpiIds) {
        Key key = new Key(List.copyOf(windows), knownAt == null ? null : knownAt.toInstant(),
                kpiIds == null ? null : Set.copyOf(kpiIds));
        Long token = watch.token();
        Remembered answer;
        synchronized (remembered) {
            answer = remembered.get(key);
        }
        if (answer == null || token == null || answer.token() != token) {
            ReadSide.Current current = readSide.current();
            Map<Window, Map<String, Map<String, Figure>>> byWindow = new HashMap<>();
            reads.figures(new LedgerTables(current.generation()), windows, knownAt, kpiIds)
                    .forEach((window, leaves) -> byWindow.put(window, rollUp(leaves)));
            watch.answered(current.generation(), current.ledgerVersion());
            answer = new Remembered(token == null ? -1 : token, current.generation(), byWindow);
            if (token != null) {
                synchronized (remembered) {
                    remembered.put(key, answer);
                }
            }
        }
        int generation = answer.generation();
        Map<Window, Figures> out = new LinkedHashMap<>();
        for (Window window : windows) {
            out.put(window, new LedgerFigures(answer.figures().getOrDefault(window, Map.of()),
                    (kpiId, orgUnit) -> contributions(generation, kpiId, orgUnit, window, knownAt)));
        }
        return out;
    }

    /** Every record behind a unit's figure (its own and the units' below it), with the facts behind each. */
    public List<Contribution> contributions(String kpiId, String orgUnit, Window window, OffsetDateTime knownAt) {
        return contributions(readSide.current().generation(), kpiId, orgUnit, window, knownAt);
    }

    private List<Contribution> contributions(int generation, String kpiId, String orgUnit, Window window,
                                             OffsetDateTime knownAt) {
        return page(generation, kpiId, orgUnit, window, knownAt, 0, 0).contributions();
    }

    /** A page of the records behind a figure, ordered by unit and label. */
    public record ContributionPage(List<Contribution> contributions, long total) {
    }

    public ContributionPage page(String kpiId, String orgUnit, Window window, OffsetDateTime knownAt, int offset,
                                 int limit) {
        return page(readSide.current().generation(), kpiId, orgUnit, window, knownAt, offset, limit);
    }

    private ContributionPage page(int generation, String kpiId, String orgUnit, Window window, OffsetDateTime knownAt,
                                  int offset, int limit) {
        LedgerTables tables = new LedgerTables(generation);
        ContributionReads.Page page = contributions.page(tables, kpiId, orgUnits.selfAndDescendants(orgUnit), window,
                knownAt, offset, limit);
        Set<UUID> ids = new HashSet<>();
        page.records().forEach(r -> ids.addAll(r.evidence()));
        Map<UUID, Fact> byId = new HashMap<>();
        facts.byEventIds(tables, ids).forEach(f -> byId.put(f.eventId(), f));
        List<Contribution> out = new ArrayList<>();
        for (ContributionReads.RecordContribution r : page.records()) {
            List<Fact> evidence = r.evidence().stream().map(byId::get).filter(java.util.Objects::nonNull)
                    .sorted(Fact.HISTORY_ORDER).toList();
            String source = evidence.isEmpty() ? sourceOf(kpiId) : evidence.get(0).source();
            LedgerRules rules = rulebook.forSource(source).orElse(null);
            String path = rules == null ? "" : rules.path(r.kind(), r.id());
            out.add(new Contribution(r.orgUnit(), r.numerator(), r.denominator(),
                    new Contribution.Record(r.kind(), r.id(), r.label(), source, path), evidence));
        }
        return new ContributionPage(out, page.total());
    }

    /** A unit's figure split by a record attribute; each group's figure as the KPI would add it up. */
    public Map<String, Figure> breakdown(String kpiId, String orgUnit, Window window, OffsetDateTime knownAt,
                                         String attribute) {
        Map<String, Figure> groups = new LinkedHashMap<>();
        for (ContributionReads.Group g : contributions.breakdown(new LedgerTables(readSide.current().generation()), kpiId,
                orgUnits.selfAndDescendants(orgUnit), window, knownAt, attribute)) {
            groups.put(g.key(), new Figure(g.numerator(), g.denominator(), g.records(), null));
        }
        return groups;
    }

    /** The facts of the given types about the given subjects, recorded by knownAt (null: all). */
    public List<Fact> ofSubjects(Collection<String> types, Collection<String> subjects, OffsetDateTime knownAt) {
        return facts.ofSubjects(new LedgerTables(readSide.current().generation()), types, subjects).stream()
                .filter(f -> knownAt == null || !f.recordedAt().isAfter(knownAt)).toList();
    }

    /** Monthly reports of the given types about months in [fromMonth, toMonth], recorded by knownAt, in applied order. */
    public List<Fact> reports(Collection<String> types, LocalDate fromMonth, LocalDate toMonth, OffsetDateTime knownAt) {
        return facts.reports(new LedgerTables(readSide.current().generation()), types, fromMonth, toMonth, knownAt);
    }

    private Map<String, Map<String, Figure>> rollUp(Map<String, Map<String, Figure>> leaves) {
        Map<String, Map<String, Figure>> out = new HashMap<>();
        leaves.forEach((kpiId, byUnit) -> {
            Map<String, Figure> rolled = new HashMap<>();
            byUnit.forEach((unit, figure) -> {
                for (OrgUnit level : orgUnits.selfAndAncestors(unit)) {
                    rolled.merge(level.code(), figure, Figure::plus);
                }
            });
            out.put(kpiId, rolled);
        });
        return out;
    }

    private String sourceOf(String kpiId) {
        String domain = kpiId.substring(0, kpiId.indexOf('.'));
        return "/citykpi/" + ("safety".equals(domain) ? "safety-inspection" : domain);
    }
}
