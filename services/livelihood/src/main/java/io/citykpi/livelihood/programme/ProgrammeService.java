package io.citykpi.livelihood.programme;

import io.citykpi.shared.contract.livelihood.LivelihoodEvents;
import io.citykpi.shared.contract.livelihood.ProgrammeCategory;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.monthly.MonthlyFigures;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.security.WriteScope;
import io.citykpi.shared.time.BusinessTime;
import io.citykpi.shared.time.SubmittedOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Livelihood programmes and their monthly progress against the planned quantity. */
@ApplicationScoped
public class ProgrammeService {

    private static final Logger LOG = Logger.getLogger(ProgrammeService.class);

    private final Outbox outbox;
    private final MonthlyFigures figures;
    private final Clock clock;
    private final OrgUnitRegistry orgUnits;
    private final WriteScope writeScope;

    public ProgrammeService(Outbox outbox, MonthlyFigures figures, Clock clock, OrgUnitRegistry orgUnits,
                            WriteScope writeScope) {
        this.outbox = outbox;
        this.figures = figures;
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.writeScope = writeScope;
    }

    public record Result(ProgrammeApi.ProgressView progress, boolean created) {
    }

    @Transactional
    public ProgrammeApi.ProgrammeView create(ProgrammeApi.CreateProgramme request) {
        writeScope.check(request.orgUnit());
        if (Programme.find("code", request.code()).firstResultOptional().isPresent()) {
            throw ProblemException.conflict("duplicate-code", "a programme with code " + request.code() + " exists",
                    Map.of("code", request.code()));
        }
        Programme p = new Programme();
        p.id = UUID.randomUUID();
        p.code = request.code();
        p.name = request.name().strip();
        p.category = request.category();
        p.orgUnit = request.orgUnit();
        p.year = request.year();
        p.unit = request.unit();
        p.plannedQuantity = request.plannedQuantity().setScale(2, RoundingMode.UNNECESSARY);
        p.recordedAt = OffsetDateTime.now(clock);
        p.persist();
        outbox.append(LivelihoodEvents.PROGRAMME_CREATED, p.id.toString(), p.orgUnit,
                new LivelihoodEvents.ProgrammeCreated(p.id, p.code, p.name, p.category, p.orgUnit, p.year, p.unit,
                        p.plannedQuantity, request.adoptedOn() != null ? request.adoptedOn() : BusinessTime.today(clock)));
        LOG.infof("Programme %s %s (%s) for %s in %d: %s %s planned", p.code, p.name, p.category, p.orgUnit, p.year,
                p.plannedQuantity.toPlainString(), p.unit);
        return view(p);
    }

    @Transactional
    public Result report(UUID id, YearMonth month, ProgrammeApi.ReportProgress request) {
        Programme p = Programme.findForUpdate(id).orElseThrow(() -> notFound(id));
        writeScope.check(p.orgUnit);
        if (month.getYear() != p.year) {
            throw ProblemException.conflict("month-outside-programme-year", "programme " + p.code + " is for " + p.year
                    + "; " + month + " is outside it", Map.of("year", p.year));
        }
        BigDecimal quantity = request.quantity().setScale(2, RoundingMode.UNNECESSARY);
        // The programme is locked (findForUpdate): reports of its months apply one after the other.
        MonthlyFigures.Outcome<ProgrammeProgress, BigDecimal> outcome = figures.report(MonthlyFigures.kind(
                        () -> ProgrammeProgress.findById(new ProgrammeProgress.Key(id, month.atDay(1))),
                        now -> {
                            ProgrammeProgress row = new ProgrammeProgress();
                            row.programmeId = id;
                            row.monthStart = month.atDay(1);
                            row.recordedAt = now;
                            return row;
                        },
                        row -> row.quantity,
                        (row, value, now) -> {
                            row.quantity = value;
                            row.updatedAt = now;
                            row.persistAndFlush();
                        },
                        MonthlyFigures::sameAmount),
                quantity,
                new MonthlyFigures.Event<>(LivelihoodEvents.PROGRESS_REPORTED, LivelihoodEvents.PROGRESS_CORRECTED,
                        id.toString(), p.orgUnit, written -> {
                            BigDecimal completed = ProgrammeProgress.completed(id);
                            return new LivelihoodEvents.ProgrammeProgressReported(id, p.code, p.orgUnit, p.category,
                                    p.unit, month, quantity, written.previous(), completed, p.plannedQuantity,
                                    progress(p, month, quantity, written.previous(), completed).warnings(),
                                    SubmittedOn.resolve(request.submittedOn(), month, clock), month.atEndOfMonth());
                        }));
        BigDecimal completed = ProgrammeProgress.completed(id);
        ProgrammeApi.ProgressView view = progress(p, month, quantity, outcome.previous(), completed);
        if (outcome.changed()) {
            LOG.infof("Programme %s %s: %s %s in %s (%s of %s)", p.code, outcome.created() ? "reported" : "corrected",
                    quantity.toPlainString(), p.unit, month, completed.toPlainString(), p.plannedQuantity.toPlainString());
        }
        return new Result(view, outcome.created());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgrammeApi.ProgrammeView get(UUID id) {
        return view(Programme.<Programme>findByIdOptional(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProgrammeApi.ProgrammeView> list(String orgUnit, Integer year, ProgrammeCategory category) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (orgUnit != null) {
            where.add("orgUnit in :orgUnits");
            params.put("orgUnits", orgUnits.selfAndDescendants(orgUnit));
        }
        if (year != null) {
            where.add("year = :year");
            params.put("year", year);
        }
        if (category != null) {
            where.add("category = :category");
            params.put("category", category);
        }
        return Programme.<Programme>list((where.isEmpty() ? "true = true" : String.join(" and ", where))
                        + " order by year desc, code", params)
                .stream().map(this::view).toList();
    }

    private ProgrammeApi.ProgrammeView view(Programme p) {
        List<ProgrammeProgress> months = ProgrammeProgress.of(p.id);
        BigDecimal completed = months.stream().map(m -> m.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ProgrammeApi.ProgrammeView(p.id, p.code, p.name, p.category, p.orgUnit, p.year, p.unit,
                p.plannedQuantity, completed, percent(completed, p.plannedQuantity),
                months.stream().map(m -> new ProgrammeApi.MonthView(YearMonth.from(m.monthStart), m.quantity)).toList());
    }

    private static ProgrammeApi.ProgressView progress(Programme p, YearMonth month, BigDecimal quantity,
                                                      BigDecimal previous, BigDecimal completed) {
        List<String> warnings = completed.compareTo(p.plannedQuantity) > 0 ? List.of(LivelihoodEvents.OVER_DELIVERED) : List.of();
        return new ProgrammeApi.ProgressView(p.id, month, quantity, previous, completed, p.plannedQuantity, warnings);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("programme", id);
    }
}
