package io.citykpi.investment.deal;

import io.citykpi.shared.sector.Sector;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Payloads of the deal events on {@code citykpi.investment.v1} (public API, see docs/asyncapi.yaml). */
public final class DealEvents {

    public static final String SIGNED = "deal-signed";
    public static final String STATUS_CHANGED = "deal-status-changed";
    public static final String FUNDS_ARRIVED = "funds-arrived";
    public static final String CONTRACT_AMENDED = "contract-amended";

    private DealEvents() {
    }

    /** effectiveDate = the signing date. */
    public record DealSigned(UUID dealId, String name, String investor, String investorOrigin, String orgUnit,
                             Sector sector, BigDecimal contractAmount, DealSizeClass sizeClass, String leadUnit,
                             String projectCode, LocalDate effectiveDate) {

        static DealSigned of(Deal d) {
            return new DealSigned(d.id, d.name, d.investor, d.investorOrigin, d.orgUnit, d.sector, d.contractAmount,
                    d.sizeClass(), d.leadUnit, d.projectCode, d.signedOn);
        }
    }

    public record DealStatusChanged(UUID dealId, String orgUnit, DealStatus fromStatus, DealStatus toStatus,
                                    String note, LocalDate effectiveDate) {
    }

    /** A flow: add arrivals up. arrivedTotal is the deal's running total after this arrival. */
    public record FundsArrived(UUID dealId, UUID arrivalId, String orgUnit, BigDecimal amount, FundSource source,
                               BigDecimal arrivedTotal, BigDecimal contractAmount, LocalDate effectiveDate) {
    }

    public record ContractAmended(UUID dealId, String orgUnit, BigDecimal previousAmount, BigDecimal newAmount,
                                  DealSizeClass sizeClass, String reason, LocalDate effectiveDate) {
    }
}
