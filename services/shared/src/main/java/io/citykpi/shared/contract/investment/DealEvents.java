package io.citykpi.shared.contract.investment;

import io.citykpi.shared.sector.Sector;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Payloads of the deal events on {@code citykpi.investment.v1} (public API, see docs/asyncapi.yaml). */
public final class DealEvents {

    public static final String SIGNED = "citykpi.investment.deal-signed.v1";
    public static final String STATUS_CHANGED = "citykpi.investment.deal-status-changed.v1";
    public static final String FUNDS_ARRIVED = "citykpi.investment.funds-arrived.v1";
    public static final String CONTRACT_AMENDED = "citykpi.investment.contract-amended.v1";

    private DealEvents() {
    }

    /** effectiveDate = the signing date. */
    public record DealSigned(@NotNull UUID dealId, String name, String investor, String investorOrigin,
                             @NotBlank String orgUnit, Sector sector, @NotNull BigDecimal contractAmount,
                             DealSizeClass sizeClass, String leadUnit, String projectCode,
                             @NotNull LocalDate effectiveDate) {
    }

    public record DealStatusChanged(@NotNull UUID dealId, @NotBlank String orgUnit, DealStatus fromStatus,
                                    @NotNull DealStatus toStatus, String note, @NotNull LocalDate effectiveDate) {
    }

    /** A flow: add arrivals up. arrivedTotal is the deal's running total after this arrival. */
    public record FundsArrived(@NotNull UUID dealId, UUID arrivalId, @NotBlank String orgUnit,
                               @NotNull BigDecimal amount, FundSource source, BigDecimal arrivedTotal,
                               BigDecimal contractAmount, @NotNull LocalDate effectiveDate) {
    }

    public record ContractAmended(@NotNull UUID dealId, @NotBlank String orgUnit, BigDecimal previousAmount,
                                  @NotNull BigDecimal newAmount, DealSizeClass sizeClass, String reason,
                                  @NotNull LocalDate effectiveDate) {
    }
}
