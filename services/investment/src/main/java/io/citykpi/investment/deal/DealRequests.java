package io.citykpi.investment.deal;

import io.citykpi.shared.contract.investment.DealStatus;
import io.citykpi.shared.contract.investment.FundSource;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.sector.Sector;
import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the deals API. */
public final class DealRequests {

    private DealRequests() {
    }

    @Schema(name = "SignDealRequest", description = "A signed investment-attraction deal")
    public record SignDeal(
            @Schema(example = "北方碳纤维无人机螺旋桨项目", required = true) @NotBlank @Size(max = 200) String name,
            @Schema(example = "北方碳纤维科技有限公司", required = true) @NotBlank @Size(max = 200) String investor,
            @Schema(description = "Province of a domestic investor, or country", example = "广东省", required = true)
            @NotBlank @Size(max = 100) String investorOrigin,
            @Schema(example = "220402", required = true) @NotNull @OrgUnitCode String orgUnit,
            @Schema(required = true) @NotNull Sector sector,
            @Schema(description = "Day the contract was signed (Asia/Shanghai)", example = "2025-03-18", required = true)
            @NotNull @BusinessDate LocalDate signedOn,
            @Schema(description = "Contract amount (合同金额), 万元", example = "32000.00", required = true)
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal contractAmount,
            @Schema(example = "龙山区招商局") @Size(max = 100) String leadUnit,
            @Schema(description = "Code of the key project the deal became, if registered", example = "LY-2025-0001")
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be a project code") String projectCode) {
    }

    @Schema(name = "DealStatusRequest", description = "The deal moved to another status")
    public record ChangeStatus(
            @Schema(example = "STARTED", required = true) @NotNull DealStatus status,
            @Schema(description = "Day it happened: not in the future, not before the previous status",
                    example = "2025-06-01", required = true) @NotNull @BusinessDate LocalDate effectiveDate,
            @Schema(example = "项目开工仪式") @Size(max = 500) String note) {
    }

    @Schema(name = "FundArrivalRequest", description = "Funds that arrived for the deal")
    public record ArriveFunds(
            @Schema(description = "Day the funds arrived", example = "2025-07-15", required = true)
            @NotNull @BusinessDate LocalDate arrivedOn,
            @Schema(description = "Amount, 万元", example = "5000.00", required = true)
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Schema(required = true) @NotNull FundSource source) {
    }

    @Schema(name = "ContractAmendmentRequest", description = "A change of the contract amount, with its reason")
    public record AmendContract(
            @Schema(description = "The new contract amount, 万元", example = "36000.00", required = true)
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal newContractAmount,
            @Schema(description = "Day the amendment took effect", example = "2025-08-01", required = true)
            @NotNull @BusinessDate LocalDate effectiveDate,
            @Schema(description = "Why (the supplementary agreement)", example = "补充协议：二期追加投资", required = true)
            @NotBlank @Size(max = 500) String reason) {
    }
}
