package io.citykpi.investment.deal;

import io.citykpi.shared.contract.investment.DealEvents;
import io.citykpi.shared.contract.investment.DealSizeClass;
import io.citykpi.shared.contract.investment.DealStatus;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.paging.PageView;
import io.citykpi.shared.paging.SortSpec;
import io.citykpi.shared.problem.ProblemException;
import io.citykpi.shared.security.WriteScope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The rules of investment attraction: legal status moves, arrivals within the contract, audited amendments. */
@ApplicationScoped
public class DealService {

    private static final Logger LOG = Logger.getLogger(DealService.class);
    private static final Map<String, String> SORTABLE = Map.of("signedOn", "signedOn", "contractAmount", "contractAmount",
            "name", "name", "orgUnit", "orgUnit", "status", "status", "updatedAt", "updatedAt");

    private final Outbox outbox;
    private final Clock clock;
    private final OrgUnitRegistry orgUnits;
    private final EntityManager em;
    private final WriteScope writeScope;

    public DealService(Outbox outbox, Clock clock, OrgUnitRegistry orgUnits, EntityManager em, WriteScope writeScope) {
        this.outbox = outbox;
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.em = em;
        this.writeScope = writeScope;
    }

    public record ArrivalResult(DealViews.ArrivalView arrival, DealViews.DealView deal) {
    }

    @Transactional
    public DealViews.DealView sign(DealRequests.SignDeal request) {
        writeScope.check(request.orgUnit());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Deal deal = new Deal();
        deal.id = UUID.randomUUID();
        deal.name = request.name().strip();
        deal.investor = request.investor().strip();
        deal.investorOrigin = request.investorOrigin().strip();
        deal.orgUnit = request.orgUnit();
        deal.sector = request.sector();
        deal.signedOn = request.signedOn();
        deal.contractAmount = money(request.contractAmount());
        deal.leadUnit = request.leadUnit();
        deal.projectCode = request.projectCode();
        deal.status = DealStatus.SIGNED;
        deal.statusSince = request.signedOn();
        deal.recordedAt = now;
        deal.updatedAt = now;
        deal.persistAndFlush();
        history(deal, null, DealStatus.SIGNED, request.signedOn(), "signed", now);
        outbox.append(DealEvents.SIGNED, deal.id.toString(), deal.orgUnit, new DealEvents.DealSigned(deal.id, deal.name,
                deal.investor, deal.investorOrigin, deal.orgUnit, deal.sector, deal.contractAmount, deal.sizeClass(),
                deal.leadUnit, deal.projectCode, deal.signedOn));
        LOG.infof("Signed deal %s with %s (%s): %s万元 in org unit %s", deal.name, deal.investor, deal.investorOrigin,
                deal.contractAmount.toPlainString(), deal.orgUnit);
        return DealViews.DealView.of(deal, BigDecimal.ZERO);
    }

    @Transactional
    public DealViews.DealView changeStatus(UUID id, DealRequests.ChangeStatus request) {
        Deal deal = lockForWrite(id);
        DealStatus from = deal.status;
        if (!from.canMoveTo(request.status())) {
            throw ProblemException.conflict("illegal-status-transition", "deal " + deal.name + " is " + from
                            + " and cannot move to " + request.status()
                            + (from.next().isEmpty() ? "; it is in a final status" : "; allowed next: " + from.next()),
                    Map.of("currentStatus", from, "allowedNextStatuses", from.next()));
        }
        if (request.effectiveDate().isBefore(deal.statusSince)) {
            throw ProblemException.conflict("effective-date-before-previous-change", "effectiveDate "
                    + request.effectiveDate() + " is before the deal's current status began on " + deal.statusSince,
                    Map.of("previousEffectiveDate", deal.statusSince));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        deal.status = request.status();
        deal.statusSince = request.effectiveDate();
        deal.updatedAt = now;
        deal.persistAndFlush();
        history(deal, from, request.status(), request.effectiveDate(), request.note(), now);
        outbox.append(DealEvents.STATUS_CHANGED, id.toString(), deal.orgUnit,
                new DealEvents.DealStatusChanged(id, deal.orgUnit, from, request.status(), request.note(),
                        request.effectiveDate()));
        LOG.infof("Deal %s moved from %s to %s on %s", deal.name, from, request.status(), request.effectiveDate());
        return DealViews.DealView.of(deal, FundArrival.total(id));
    }

    @Transactional
    public ArrivalResult arrive(UUID id, DealRequests.ArriveFunds request) {
        Deal deal = lockForWrite(id);
        refuseIfTerminated(deal);
        if (request.arrivedOn().isBefore(deal.signedOn)) {
            throw ProblemException.conflict("arrival-before-signing", "funds cannot arrive on " + request.arrivedOn()
                    + ", before the deal was signed on " + deal.signedOn, Map.of("signedOn", deal.signedOn));
        }
        BigDecimal amount = money(request.amount());
        BigDecimal arrived = FundArrival.total(id);
        BigDecimal after = arrived.add(amount);
        if (after.compareTo(deal.contractAmount) > 0) {
            BigDecimal room = deal.contractAmount.subtract(arrived);
            throw ProblemException.conflict("arrivals-exceed-contract", "arrivals would reach " + after.toPlainString()
                            + "万元, above the contract amount of " + deal.contractAmount.toPlainString()
                            + "万元; at most " + room.toPlainString() + "万元 can still arrive. Amend the contract first if "
                            + "it grew.",
                    Map.of("contractAmount", deal.contractAmount, "arrivedSoFar", arrived, "acceptableAtMost", room));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        FundArrival arrival = new FundArrival();
        arrival.id = UUID.randomUUID();
        arrival.dealId = id;
        arrival.arrivedOn = request.arrivedOn();
        arrival.amount = amount;
        arrival.source = request.source();
        arrival.recordedAt = now;
        arrival.persist();
        deal.updatedAt = now;
        deal.persistAndFlush();
        outbox.append(DealEvents.FUNDS_ARRIVED, id.toString(), deal.orgUnit,
                new DealEvents.FundsArrived(id, arrival.id, deal.orgUnit, amount, request.source(), after,
                        deal.contractAmount, request.arrivedOn()));
        LOG.infof("Funds arrived for deal %s: %s万元 (%s万元 of %s万元)", deal.name, amount.toPlainString(),
                after.toPlainString(), deal.contractAmount.toPlainString());
        return new ArrivalResult(DealViews.ArrivalView.of(arrival), DealViews.DealView.of(deal, after));
    }

    @Transactional
    public DealViews.DealView amend(UUID id, DealRequests.AmendContract request) {
        Deal deal = lockForWrite(id);
        refuseIfTerminated(deal);
        BigDecimal amount = money(request.newContractAmount());
        BigDecimal arrived = FundArrival.total(id);
        if (amount.compareTo(deal.contractAmount) == 0) {
            throw ProblemException.conflict("amendment-changes-nothing", "the contract amount is already "
                    + amount.toPlainString() + "万元", Map.of("contractAmount", deal.contractAmount));
        }
        if (amount.compareTo(arrived) < 0) {
            throw ProblemException.conflict("amendment-below-arrived", "the contract amount cannot fall to "
                    + amount.toPlainString() + "万元: " + arrived.toPlainString() + "万元 have already arrived",
                    Map.of("arrivedSoFar", arrived));
        }
        if (request.effectiveDate().isBefore(deal.signedOn)) {
            throw ProblemException.conflict("amendment-before-signing", "an amendment cannot take effect on "
                    + request.effectiveDate() + ", before the deal was signed on " + deal.signedOn,
                    Map.of("signedOn", deal.signedOn));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ContractAmendment amendment = new ContractAmendment();
        amendment.dealId = id;
        amendment.previousAmount = deal.contractAmount;
        amendment.newAmount = amount;
        amendment.effectiveDate = request.effectiveDate();
        amendment.reason = request.reason().strip();
        amendment.recordedAt = now;
        amendment.persist();
        deal.contractAmount = amount;
        deal.updatedAt = now;
        deal.persistAndFlush();
        outbox.append(DealEvents.CONTRACT_AMENDED, id.toString(), deal.orgUnit,
                new DealEvents.ContractAmended(id, deal.orgUnit, amendment.previousAmount, amount, deal.sizeClass(),
                        amendment.reason, request.effectiveDate()));
        LOG.infof("Contract of deal %s amended from %s万元 to %s万元: %s", deal.name,
                amendment.previousAmount.toPlainString(), amount.toPlainString(), amendment.reason);
        return DealViews.DealView.of(deal, arrived);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DealViews.DealDetail detail(UUID id) {
        Deal deal = Deal.<Deal>findByIdOptional(id).orElseThrow(() -> notFound(id));
        List<FundArrival> arrivals = FundArrival.forDeal(id);
        BigDecimal arrived = arrivals.stream().map(a -> a.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new DealViews.DealDetail(DealViews.DealView.of(deal, arrived),
                arrivals.stream().map(DealViews.ArrivalView::of).toList(),
                ContractAmendment.forDeal(id).stream().map(DealViews.AmendmentView::of).toList(),
                DealStatusChange.history(id).stream().map(DealViews.StatusChangeView::of).toList(),
                DealViews.DealDetail.rate(arrived, deal.contractAmount));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<DealViews.DealView> list(DealFilter filter, String sort, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.orgUnit() != null) {
            where.add("orgUnit in :orgUnits");
            params.put("orgUnits", orgUnits.selfAndDescendants(filter.orgUnit()));
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.sector() != null) {
            where.add("sector = :sector");
            params.put("sector", filter.sector());
        }
        if (filter.sizeClass() != null) {
            where.add(switch (filter.sizeClass()) {
                case BELOW_100M -> "contractAmount < " + DealSizeClass.HUNDRED_MILLION;
                case OVER_100M -> "contractAmount >= " + DealSizeClass.HUNDRED_MILLION + " and contractAmount < "
                        + DealSizeClass.BILLION;
                case OVER_1B -> "contractAmount >= " + DealSizeClass.BILLION;
            });
        }
        if (filter.signedFrom() != null) {
            where.add("signedOn >= :signedFrom");
            params.put("signedFrom", filter.signedFrom());
        }
        if (filter.signedTo() != null) {
            where.add("signedOn <= :signedTo");
            params.put("signedTo", filter.signedTo());
        }
        if (filter.origin() != null && !filter.origin().isBlank()) {
            where.add("lower(investorOrigin) = :origin");
            params.put("origin", filter.origin().strip().toLowerCase());
        }
        PanacheQuery<Deal> query = Deal.find(where.isEmpty() ? "true = true" : String.join(" and ", where),
                sort(sort), params);
        long total = query.count();
        List<Deal> deals = query.page(Page.of(page, size)).list();
        Map<UUID, BigDecimal> arrived = arrivedTotals(deals.stream().map(d -> d.id).toList());
        return PageView.of(deals.stream()
                .map(d -> DealViews.DealView.of(d, arrived.getOrDefault(d.id, BigDecimal.ZERO.setScale(2))))
                .toList(), page, size, total);
    }

    /** One query for the whole page rather than one per deal. */
    private Map<UUID, BigDecimal> arrivedTotals(List<UUID> ids) {
        Map<UUID, BigDecimal> totals = new HashMap<>();
        if (ids.isEmpty()) {
            return totals;
        }
        List<Object[]> rows = em.createQuery(
                        "select a.dealId, sum(a.amount) from FundArrival a where a.dealId in :ids group by a.dealId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        rows.forEach(row -> totals.put((UUID) row[0], (BigDecimal) row[1]));
        return totals;
    }

    static Sort sort(String spec) {
        return SortSpec.parse(spec, "-signedOn", SORTABLE, "id");
    }

    private void history(Deal deal, DealStatus from, DealStatus to, LocalDate effective, String note, OffsetDateTime now) {
        DealStatusChange change = new DealStatusChange();
        change.dealId = deal.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.effectiveDate = effective;
        change.note = note;
        change.recordedAt = now;
        change.persist();
    }

    private static void refuseIfTerminated(Deal deal) {
        if (deal.status == DealStatus.TERMINATED) {
            throw ProblemException.conflict("deal-terminated", "deal " + deal.name + " was terminated on "
                    + deal.statusSince, Map.of("currentStatus", deal.status));
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A deal about to change: locked against concurrent writers, if the caller may write for its org unit. */
    private Deal lockForWrite(UUID id) {
        Deal deal = Deal.findForUpdate(id).orElseThrow(() -> notFound(id));
        writeScope.check(deal.orgUnit);
        return deal;
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("deal", id);
    }
}
