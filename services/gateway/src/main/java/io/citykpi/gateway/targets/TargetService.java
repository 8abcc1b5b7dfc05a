package io.citykpi.gateway.targets;

import io.citykpi.gateway.catalogue.KpiCatalogue;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.period.Period;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.Problem;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.security.Actor;
import io.citykpi.shared.security.Callers;
import io.citykpi.shared.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sets, reads and removes targets; every change is written to the audit and to the outbox (as an
 * event on citykpi.gateway.v1) in the same transaction.
 */
@ApplicationScoped
public class TargetService {

    private static final Logger LOG = Logger.getLogger(TargetService.class);

    private final KpiCatalogue catalogue;
    private final OrgUnitRegistry orgUnits;
    private final Clock clock;
    private final Outbox outbox;
    private final Callers callers;
    private final jakarta.enterprise.event.Event<TargetsChanged> changed;

    public TargetService(KpiCatalogue catalogue, OrgUnitRegistry orgUnits, Clock clock, Outbox outbox, Callers callers,
                         jakarta.enterprise.event.Event<TargetsChanged> changed) {
        this.catalogue = catalogue;
        this.orgUnits = orgUnits;
        this.clock = clock;
        this.outbox = outbox;
        this.callers = callers;
        this.changed = changed;
    }

    public record Saved(TargetView target, boolean created) {
    }

    @Transactional
    public Saved put(int year, String kpiId, String orgUnit, TargetRequest request) {
        Actor actor = callers.actor();
        KpiDefinition kpi = kpi(kpiId);
        unit(orgUnit);
        List<PhasePoint> phasing = request.phasing() == null ? List.of() : request.phasing();
        checkPhasing(kpi, year, request.value(), phasing);
        KpiTarget target = KpiTarget.findById(new KpiTarget.Key(year, kpiId, orgUnit));
        boolean created = target == null;
        TargetView.Snapshot before = null;
        if (created) {
            target = new KpiTarget();
            target.year = year;
            target.kpiId = kpiId;
            target.orgUnit = orgUnit;
        } else {
            // A resend of what is already stored (a retry, a form saved twice) changes nothing a bulletin
            // prints, so it writes no audit row and no event; answering before the version check keeps the
            // retry of a successful write from turning into a 409.
            if (sameContent(target, request.value(), phasing, request.note())) {
                return new Saved(view(target, kpi), false);
            }
            if (request.version() != null && request.version() != target.version) {
                throw ProblemException.conflict("stale-version", "the target was changed since version "
                        + request.version() + "; read it again", Map.of("currentVersion", target.version));
            }
            before = snapshot(target);
        }
        target.value = request.value();
        target.phasing = new ArrayList<>(sortedByEnd(phasing));
        target.note = request.note();
        target.updatedAt = OffsetDateTime.now(clock);
        target.updatedBy = actor.name();
        target.updatedById = actor.id();
        target.persistAndFlush();
        audit(target, created ? "CREATED" : "UPDATED", before, snapshot(target), actor);
        outbox.append(TargetEvents.SET, TargetEvents.subject(year, kpiId, orgUnit), orgUnit,
                new TargetEvents.TargetSet(year, kpiId, orgUnit, target.value, kpi.unit(), List.copyOf(target.phasing),
                        target.note, target.version, before, actor.name(), BusinessTime.today(clock)));
        changed.fire(new TargetsChanged(year));
        LOG.infof("Target %s for %s in %d %s by %s: %s %s", kpiId, orgUnit, year, created ? "set" : "changed", actor.name(),
                target.value.toPlainString(), kpi.unit());
        return new Saved(view(target, kpi), created);
    }

    @Transactional
    public void delete(int year, String kpiId, String orgUnit) {
        Actor actor = callers.actor();
        KpiDefinition kpi = kpi(kpiId);
        unit(orgUnit);
        KpiTarget target = KpiTarget.findById(new KpiTarget.Key(year, kpiId, orgUnit));
        if (target == null) {
            throw ProblemException.notFound("target", year + "/" + kpiId + "/" + orgUnit);
        }
        audit(target, "DELETED", snapshot(target), null, actor);
        outbox.append(TargetEvents.REMOVED, TargetEvents.subject(year, kpiId, orgUnit), orgUnit,
                new TargetEvents.TargetRemoved(year, kpiId, orgUnit, kpi.unit(), snapshot(target), actor.name(),
                        BusinessTime.today(clock)));
        target.delete();
        changed.fire(new TargetsChanged(year));
        LOG.infof("Target %s for %s in %d removed by %s", kpiId, orgUnit, year, actor.name());
    }

    /** The unit's own target, else the sum of the targets below it (for counts and sums). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TargetView get(int year, String kpiId, String orgUnit) {
        KpiDefinition kpi = kpi(kpiId);
        unit(orgUnit);
        KpiTarget own = KpiTarget.findById(new KpiTarget.Key(year, kpiId, orgUnit));
        if (own != null) {
            return view(own, kpi);
        }
        return book(year).resolve(kpi, orgUnit)
                .map(r -> new TargetView(year, kpiId, orgUnit, name(orgUnit), r.curve().annual(), kpi.unit(),
                        List.of(), null, r.source(), null, null, null))
                .orElseThrow(() -> ProblemException.notFound("target", year + "/" + kpiId + "/" + orgUnit));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetView> list(int year, String kpiId, String orgUnit) {
        if (kpiId != null) {
            kpi(kpiId);
        }
        return KpiTarget.ofYear(year).stream()
                .filter(t -> kpiId == null || t.kpiId.equals(kpiId))
                .filter(t -> orgUnit == null || t.orgUnit.equals(orgUnit))
                .sorted(Comparator.comparing((KpiTarget t) -> t.kpiId).thenComparing(t -> t.orgUnit))
                .map(t -> view(t, catalogue.find(t.kpiId).orElse(null)))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetView.Change> history(int year, String kpiId, String orgUnit) {
        kpi(kpiId);
        unit(orgUnit);
        List<TargetAudit> rows = TargetAudit.list("year = ?1 and kpiId = ?2 and orgUnit = ?3 order by id",
                year, kpiId, orgUnit);
        return rows.stream().map(a -> new TargetView.Change(a.action, a.oldTarget, a.newTarget, a.changedBy,
                a.changedById, a.changedAt)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TargetBook book(int year) {
        return new TargetBook(year, KpiTarget.ofYear(year), orgUnits);
    }

    /**
     * The year's targets as they stood at a moment (null: now), from the audit, so a known-at question
     * reproduces a past bulletin with the targets it printed, not today's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TargetBook book(int year, OffsetDateTime knownAt) {
        if (knownAt == null) {
            return book(year);
        }
        Map<String, KpiTarget> standing = new java.util.LinkedHashMap<>();
        List<TargetAudit> changes = TargetAudit.list("year = ?1 and changedAt <= ?2 order by id", year, knownAt);
        for (TargetAudit change : changes) {
            String key = change.kpiId + "|" + change.orgUnit;
            if (change.newTarget == null) {
                standing.remove(key);
            } else {
                KpiTarget target = new KpiTarget();
                target.year = change.year;
                target.kpiId = change.kpiId;
                target.orgUnit = change.orgUnit;
                target.value = change.newTarget.value();
                target.phasing = change.newTarget.phasing() == null ? List.of() : change.newTarget.phasing();
                target.note = change.newTarget.note();
                standing.put(key, target);
            }
        }
        return new TargetBook(year, List.copyOf(standing.values()), orgUnits);
    }

    private static boolean sameContent(KpiTarget target, BigDecimal value, List<PhasePoint> phasing, String note) {
        if (target.value.compareTo(value) != 0 || !java.util.Objects.equals(target.note, note)) {
            return false;
        }
        List<PhasePoint> stored = sortedByEnd(target.phasing == null ? List.of() : target.phasing);
        List<PhasePoint> sent = sortedByEnd(phasing);
        if (stored.size() != sent.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            if (!stored.get(i).period().equals(sent.get(i).period())
                    || stored.get(i).value().compareTo(sent.get(i).value()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<PhasePoint> sortedByEnd(List<PhasePoint> phasing) {
        return phasing.stream().sorted(Comparator.comparing(p -> Period.parse(p.period()).orElseThrow().end())).toList();
    }

    private void checkPhasing(KpiDefinition kpi, int year, BigDecimal value, List<PhasePoint> phasing) {
        if (phasing.isEmpty()) {
            return;
        }
        if (!kpi.isCumulative() || kpi.lowerIsBetter()) {
            throw InvalidFieldsException.of("phasing", "CumulativeOnly",
                    kpi.id() + " is compared with its target directly, so its target cannot be time-phased");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO;
        LocalDate previousEnd = null;
        List<PhasePoint> sorted = phasing.stream()
                .sorted(Comparator.comparing(p -> Period.parse(p.period()).orElseThrow().end())).toList();
        for (int i = 0; i < sorted.size(); i++) {
            PhasePoint point = sorted.get(i);
            Period period = Period.parse(point.period()).orElseThrow();
            String field = "phasing[" + phasing.indexOf(point) + "]";
            if (period.year() != year) {
                errors.add(new Problem.FieldError(field + ".period", "SameYear", "must lie in " + year));
            }
            if (period.end().equals(previousEnd)) {
                errors.add(new Problem.FieldError(field + ".period", "Unique", "ends on the same day as another checkpoint"));
            }
            if (point.value().compareTo(previous) < 0) {
                errors.add(new Problem.FieldError(field + ".value", "Cumulative",
                        "must not be below an earlier checkpoint (" + previous.toPlainString() + ")"));
            }
            if (point.value().compareTo(value) > 0) {
                errors.add(new Problem.FieldError(field + ".value", "AtMostTarget",
                        "must not exceed the year's value " + value.toPlainString()));
            }
            if (period.end().equals(LocalDate.of(year, 12, 31)) && point.value().compareTo(value) != 0) {
                errors.add(new Problem.FieldError(field + ".value", "YearEndIsTarget",
                        "a checkpoint at the end of the year must equal the year's value"));
            }
            previous = point.value().max(previous);
            previousEnd = period.end();
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    private void audit(KpiTarget target, String action, TargetView.Snapshot before, TargetView.Snapshot after,
                       Actor actor) {
        TargetAudit audit = new TargetAudit();
        audit.year = target.year;
        audit.kpiId = target.kpiId;
        audit.orgUnit = target.orgUnit;
        audit.action = action;
        audit.oldTarget = before;
        audit.newTarget = after;
        audit.changedBy = actor.name();
        audit.changedById = actor.id();
        audit.changedAt = OffsetDateTime.now(clock);
        audit.persist();
    }

    private static TargetView.Snapshot snapshot(KpiTarget t) {
        return new TargetView.Snapshot(t.value, List.copyOf(t.phasing), t.note, t.version);
    }

    private TargetView view(KpiTarget t, KpiDefinition kpi) {
        return new TargetView(t.year, t.kpiId, t.orgUnit, name(t.orgUnit), t.value, kpi == null ? null : kpi.unit(),
                List.copyOf(t.phasing), t.note, "EXPLICIT", t.version, t.updatedAt, t.updatedBy);
    }

    private String name(String orgUnit) {
        return orgUnits.find(orgUnit).map(u -> u.name()).orElse(orgUnit);
    }

    private KpiDefinition kpi(String kpiId) {
        return catalogue.find(kpiId).orElseThrow(() -> ProblemException.notFound("KPI", kpiId));
    }

    private void unit(String orgUnit) {
        if (!orgUnits.exists(orgUnit)) {
            throw ProblemException.notFound("organisation unit", orgUnit);
        }
    }
}
