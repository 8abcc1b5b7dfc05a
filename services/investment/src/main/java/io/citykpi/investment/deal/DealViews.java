package io.citykpi.investment.deal;

import io.citykpi.shared.contract.investment.DealSizeClass;
import io.citykpi.shared.contract.investment.DealStatus;
import io.citykpi.shared.contract.investment.FundSource;
import io.citykpi.shared.sector.Sector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the deals API. */
public final class DealViews {

    private DealViews() {
    }

    @Schema(name = "Deal")
    public record DealView(
            UUID id,
            @Schema(example = "北方碳纤维无人机螺旋桨项目") String name,
            @Schema(example = "北方碳纤维科技有限公司") String investor,
            @Schema(example = "广东省") String investorOrigin,
            @Schema(example = "220402") String orgUnit,
            Sector sector,
            @Schema(example = "2025-03-18") LocalDate signedOn,
            @Schema(description = "Contract amount, 万元", example = "32000.00") BigDecimal contractAmount,
            DealSizeClass sizeClass,
            String leadUnit,
            String projectCode,
            DealStatus status,
            @Schema(description = "Effective date of the current status", example = "2025-03-18") LocalDate statusSince,
            @Schema(description = "Funds arrived so far, 万元", example = "5000.00") BigDecimal arrivedAmount,
            OffsetDateTime recordedAt,
            OffsetDateTime updatedAt,
            long version) {

        public static DealView of(Deal deal, BigDecimal arrived) {
            return new DealView(deal.id, deal.name, deal.investor, deal.investorOrigin, deal.orgUnit, deal.sector,
                    deal.signedOn, deal.contractAmount, deal.sizeClass(), deal.leadUnit, deal.projectCode, deal.status,
                    deal.statusSince, arrived, deal.recordedAt, deal.updatedAt, deal.version);
        }
    }

    @Schema(name = "DealDetail", description = "A deal with its arrivals, amendments and status history")
    public record DealDetail(
            DealView deal,
            List<ArrivalView> arrivals,
            List<AmendmentView> amendments,
            List<StatusChangeView> statusHistory,
            @Schema(description = "Funds arrived ÷ contract amount, percent", example = "15.6") BigDecimal arrivalRatePercent) {

        static BigDecimal rate(BigDecimal arrived, BigDecimal contract) {
            return arrived.multiply(BigDecimal.valueOf(100)).divide(contract, 1, RoundingMode.HALF_UP);
        }
    }

    @Schema(name = "FundArrival")
    public record ArrivalView(UUID id, @Schema(example = "2025-07-15") LocalDate arrivedOn,
                              @Schema(description = "万元", example = "5000.00") BigDecimal amount, FundSource source,
                              OffsetDateTime recordedAt) {

        static ArrivalView of(FundArrival arrival) {
            return new ArrivalView(arrival.id, arrival.arrivedOn, arrival.amount, arrival.source, arrival.recordedAt);
        }
    }

    @Schema(name = "ContractAmendment")
    public record AmendmentView(@Schema(description = "万元") BigDecimal previousAmount,
                                @Schema(description = "万元") BigDecimal newAmount,
                                LocalDate effectiveDate, String reason, OffsetDateTime recordedAt) {

        static AmendmentView of(ContractAmendment amendment) {
            return new AmendmentView(amendment.previousAmount, amendment.newAmount, amendment.effectiveDate,
                    amendment.reason, amendment.recordedAt);
        }
    }

    @Schema(name = "DealStatusChange")
    public record StatusChangeView(DealStatus fromStatus, DealStatus toStatus, LocalDate effectiveDate, String note,
                                   OffsetDateTime recordedAt) {

        static StatusChangeView of(DealStatusChange change) {
            return new StatusChangeView(change.fromStatus, change.toStatus, change.effectiveDate, change.note,
                    change.recordedAt);
        }
    }
}
