package io.citykpi.livelihood.hotline;

import io.citykpi.shared.contract.livelihood.CaseType;
import io.citykpi.shared.contract.livelihood.HotlineEvents;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.paging.PageView;
import io.citykpi.shared.paging.SortSpec;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.security.WriteScope;
import io.citykpi.shared.time.BusinessTime;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/** 接诉即办: every case answered within its limit, on the city's working-day calendar. */
@ApplicationScoped
public class HotlineService {

    private static final Logger LOG = Logger.getLogger(HotlineService.class);
    private static final Map<String, String> SORTABLE = Map.of("receivedAt", "receivedAt", "dueAt", "dueAt",
            "orgUnit", "orgUnit", "status", "status", "type", "type", "reworkCount", "reworkCount");

    public record Filter(String orgUnit, CaseType type, CaseStatus status, Boolean overdue, Boolean proactive,
                         Boolean escalated, LocalDate receivedFrom, LocalDate receivedTo) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final WorkingDayCalendar calendar;
    private final CalendarCoverage coverage;
    private final HotlineConfig config;
    private final OrgUnitRegistry orgUnits;
    private final WriteScope writeScope;

    public HotlineService(Outbox outbox, Clock clock, WorkingDayCalendar calendar, CalendarCoverage coverage,
                          HotlineConfig config, OrgUnitRegistry orgUnits, WriteScope writeScope) {
        this.outbox = outbox;
        this.clock = clock;
        this.calendar = calendar;
        this.coverage = coverage;
        this.config = config;
        this.orgUnits = orgUnits;
        this.writeScope = writeScope;
    }

    /** Never guessed: a limit running through a year the calendar does not hold refuses the case, and says so. */
    private LocalDate lastDayOfLimit(LocalDate received, int workingDays) {
        try {
            return calendar.lastDayOfLimit(received, workingDays);
        } catch (YearNotInCalendarException e) {
            coverage.missingYearAsked(e.year());
            throw new ProblemException(409, "working-day-calendar-missing-year", "Working-day calendar lacks the year",
                    e.getMessage(), Map.of("year", e.year(), "calendarYears", calendar.years()));
        }
    }

    @Transactional
    public HotlineViews.CaseView receive(HotlineRequests.Receive request) {
        writeScope.check(request.orgUnit());
        if (HotlineCase.findById(request.caseNumber()) != null) {
            throw ProblemException.conflict("duplicate-case-number", "case " + request.caseNumber()
                    + " is already registered", Map.of("caseNumber", request.caseNumber()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate receivedDay = day(request.receivedAt());
        int responseDays = request.type() == CaseType.EMERGENCY ? 0 : config.responseWorkingDays();
        HotlineCase c = new HotlineCase();
        c.caseNumber = request.caseNumber();
        c.orgUnit = request.orgUnit();
        c.type = request.type();
        c.proactive = Boolean.TRUE.equals(request.proactive());
        c.summary = request.summary();
        c.receivedAt = request.receivedAt();
        c.responseDueAt = endOf(lastDayOfLimit(receivedDay, responseDays));
        c.dueAt = endOf(lastDayOfLimit(receivedDay, config.limit(request.type())));
        c.status = CaseStatus.RECEIVED;
        c.recordedAt = now;
        c.updatedAt = now;
        c.persist();
        CaseHistory.record(c.caseNumber, "RECEIVED", c.receivedAt, "due " + c.dueAt, now);
        outbox.append(HotlineEvents.RECEIVED, c.caseNumber, c.orgUnit,
                new HotlineEvents.CaseReceived(c.caseNumber, c.orgUnit, c.type, c.proactive, c.receivedAt,
                        c.responseDueAt, c.dueAt, receivedDay));
        LOG.infof("Hotline case %s (%s%s) for %s received %s, due %s", c.caseNumber, c.type,
                c.proactive ? ", proactive" : "", c.orgUnit, c.receivedAt, c.dueAt);
        return view(c);
    }

    @Transactional
    public HotlineViews.CaseView accept(String caseNumber, HotlineRequests.Accept request) {
        HotlineCase c = load(caseNumber);
        require(c, EnumSet.of(CaseStatus.RECEIVED), "accepted");
        notBefore(request.acceptedAt(), c.receivedAt, "acceptedAt", "it was received");
        OffsetDateTime now = OffsetDateTime.now(clock);
        c.status = CaseStatus.ACCEPTED;
        c.acceptedAt = request.acceptedAt();
        c.acceptedOnTime = !day(request.acceptedAt()).isAfter(day(c.responseDueAt));
        c.updatedAt = now;
        CaseHistory.record(caseNumber, "ACCEPTED", request.acceptedAt(), c.acceptedOnTime ? "on time" : "late", now);
        outbox.append(HotlineEvents.ACCEPTED, caseNumber, c.orgUnit,
                new HotlineEvents.CaseAccepted(caseNumber, c.orgUnit, c.type, request.acceptedAt(), c.acceptedOnTime,
                        day(request.acceptedAt())));
        return view(c);
    }

    @Transactional
    public HotlineViews.CaseView resolve(String caseNumber, HotlineRequests.Resolve request) {
        HotlineCase c = load(caseNumber);
        require(c, EnumSet.of(CaseStatus.ACCEPTED), "resolved");
        notBefore(request.resolvedAt(), c.acceptedAt, "resolvedAt", "it was accepted");
        OffsetDateTime now = OffsetDateTime.now(clock);
        c.status = CaseStatus.RESOLVED;
        c.resolvedAt = request.resolvedAt();
        c.solved = request.solved();
        c.resolvedOnTime = !day(request.resolvedAt()).isAfter(day(c.dueAt));
        c.updatedAt = now;
        CaseHistory.record(caseNumber, "RESOLVED", request.resolvedAt(),
                (c.solved ? "solved" : "not solved") + (c.resolvedOnTime ? ", on time" : ", late"), now);
        outbox.append(HotlineEvents.RESOLVED, caseNumber, c.orgUnit,
                new HotlineEvents.CaseResolved(caseNumber, c.orgUnit, c.type, request.resolvedAt(), c.solved,
                        c.resolvedOnTime, c.reworkCount, day(request.resolvedAt())));
        return view(c);
    }

    @Transactional
    public HotlineViews.CaseView feedback(String caseNumber, HotlineRequests.GiveFeedback request) {
        HotlineCase c = load(caseNumber);
        require(c, EnumSet.of(CaseStatus.RESOLVED), "given feedback");
        notBefore(request.feedbackAt(), c.resolvedAt, "feedbackAt", "it was resolved");
        OffsetDateTime now = OffsetDateTime.now(clock);
        c.status = CaseStatus.CLOSED;
        c.feedback = request.feedback();
        c.feedbackAt = request.feedbackAt();
        c.updatedAt = now;
        CaseHistory.record(caseNumber, "FEEDBACK", request.feedbackAt(), request.feedback().name(), now);
        outbox.append(HotlineEvents.FEEDBACK, caseNumber, c.orgUnit,
                new HotlineEvents.CaseFeedbackRecorded(caseNumber, c.orgUnit, c.type, request.feedback(),
                        request.feedback().satisfied(), request.feedback().valid(), request.feedbackAt(),
                        day(request.feedbackAt())));
        return view(c);
    }

    /** 发回重办: back to the handling unit; the due time stays, and too many reworks escalate the case. */
    @Transactional
    public HotlineViews.CaseView sendBack(String caseNumber, HotlineRequests.SendBack request) {
        HotlineCase c = load(caseNumber);
        require(c, EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED), "sent back for rework");
        notBefore(request.sentBackAt(), c.feedbackAt != null ? c.feedbackAt : c.resolvedAt, "sentBackAt",
                "its last step");
        OffsetDateTime now = OffsetDateTime.now(clock);
        c.status = CaseStatus.ACCEPTED;
        c.reworkCount++;
        c.resolvedAt = null;
        c.solved = null;
        c.resolvedOnTime = null;
        c.feedback = null;
        c.feedbackAt = null;
        c.updatedAt = now;
        String reason = request.reason().strip();
        CaseHistory.record(caseNumber, "SENT_BACK", request.sentBackAt(), "rework " + c.reworkCount + ": " + reason, now);
        outbox.append(HotlineEvents.SENT_BACK, caseNumber, c.orgUnit,
                new HotlineEvents.CaseSentBack(caseNumber, c.orgUnit, c.type, reason, c.reworkCount,
                        request.sentBackAt(), day(request.sentBackAt())));
        if (!c.escalated && c.reworkCount >= config.escalateAfterReworks()) {
            c.escalated = true;
            CaseHistory.record(caseNumber, "ESCALATED", request.sentBackAt(), "after " + c.reworkCount + " reworks", now);
            outbox.append(HotlineEvents.ESCALATED, caseNumber, c.orgUnit,
                    new HotlineEvents.CaseEscalated(caseNumber, c.orgUnit, c.type, c.reworkCount,
                            day(request.sentBackAt())));
            LOG.warnf("Hotline case %s escalated: sent back %d times (%s)", caseNumber, c.reworkCount, reason);
        }
        return view(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HotlineViews.CaseDetail detail(String caseNumber) {
        HotlineCase c = HotlineCase.<HotlineCase>findByIdOptional(caseNumber).orElseThrow(() -> notFound(caseNumber));
        return new HotlineViews.CaseDetail(view(c),
                CaseHistory.of(caseNumber).stream().map(HotlineViews.HistoryView::of).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<HotlineViews.CaseView> list(Filter filter, String sort, int page, int size) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.orgUnit() != null) {
            where.add("orgUnit in :orgUnits");
            params.put("orgUnits", orgUnits.selfAndDescendants(filter.orgUnit()));
        }
        if (filter.type() != null) {
            where.add("type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.overdue() != null) {
            where.add((filter.overdue() ? "" : "not ") + "(status in :unresolved and dueAt < :now)");
            params.put("unresolved", List.of(CaseStatus.RECEIVED, CaseStatus.ACCEPTED));
            params.put("now", now);
        }
        if (filter.proactive() != null) {
            where.add("proactive = :proactive");
            params.put("proactive", filter.proactive());
        }
        if (filter.escalated() != null) {
            where.add("escalated = :escalated");
            params.put("escalated", filter.escalated());
        }
        if (filter.receivedFrom() != null) {
            where.add("receivedAt >= :from");
            params.put("from", filter.receivedFrom().atStartOfDay(BusinessTime.ZONE).toOffsetDateTime());
        }
        if (filter.receivedTo() != null) {
            where.add("receivedAt < :to");
            params.put("to", filter.receivedTo().plusDays(1).atStartOfDay(BusinessTime.ZONE).toOffsetDateTime());
        }
        PanacheQuery<HotlineCase> query = HotlineCase.find(where.isEmpty() ? "true = true" : String.join(" and ", where),
                SortSpec.parse(sort, "-receivedAt", SORTABLE, "caseNumber"), params);
        return PageView.of(query.page(Page.of(page, size)).list().stream().map(c -> HotlineViews.CaseView.of(c, now))
                .toList(), page, size, query.count());
    }

    private HotlineViews.CaseView view(HotlineCase c) {
        return HotlineViews.CaseView.of(c, OffsetDateTime.now(clock));
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
    }

    private static OffsetDateTime endOf(LocalDate day) {
        return day.atTime(23, 59, 59).atZone(BusinessTime.ZONE).toOffsetDateTime();
    }

    private static void require(HotlineCase c, Set<CaseStatus> allowed, String action) {
        if (!allowed.contains(c.status)) {
            throw ProblemException.conflict("illegal-case-transition", "case " + c.caseNumber + " is " + c.status
                    + " and cannot be " + action + "; that needs " + allowed,
                    Map.of("currentStatus", c.status, "requiredStatus", allowed));
        }
    }

    private static void notBefore(OffsetDateTime at, OffsetDateTime earliest, String field, String what) {
        if (earliest != null && at.isBefore(earliest)) {
            throw ProblemException.conflict("time-before-previous-step", field + " " + at + " is before " + what
                    + " at " + earliest, Map.of("earliest", earliest));
        }
    }

    /** A case about to change: locked against concurrent writers, if the caller may write for its org unit. */
    private HotlineCase load(String caseNumber) {
        HotlineCase c = HotlineCase.findForUpdate(caseNumber).orElseThrow(() -> notFound(caseNumber));
        writeScope.check(c.orgUnit);
        return c;
    }

    private static ProblemException notFound(String caseNumber) {
        return ProblemException.notFound("hotline case", caseNumber);
    }
}
