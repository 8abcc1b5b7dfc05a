package io.citykpi.livelihood.assistance;

import io.citykpi.livelihood.MonthlyReports;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import io.citykpi.shared.outbox.Outbox;
import io.citykpi.shared.security.Access;
import io.citykpi.shared.security.WriteScope;
import io.citykpi.shared.time.SubmittedOn;
import io.quarkus.security.PermissionsAllowed;
import io.citykpi.shared.time.BusinessDate;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@Path("/api/v1/assistance/{orgUnit}")
@Tag(name = "Social assistance", description = "救助资金 (万元) and beneficiary-times (人次) per unit, month and category")
@Produces(MediaType.APPLICATION_JSON)
public class AssistanceResource {

    public static final String REPORTED = "assistance-reported";
    public static final String CORRECTED = "assistance-corrected";
    private static final Logger LOG = Logger.getLogger(AssistanceResource.class);

    @Schema(name = "AssistanceRequest")
    public record Report(
            @Schema(description = "Disbursed in the month, 万元", example = "740.00", required = true)
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Schema(description = "Beneficiary-times (人次)", example = "1430", required = true) @NotNull @PositiveOrZero Integer beneficiaryTimes,
            @Schema(description = "Day the unit submitted the report (报送日期), when it is keyed in later; today when "
                    + "omitted. The reporting calendar's deadlines apply to it", example = "2025-05-08")
            @BusinessDate LocalDate submittedOn) {
    }

    @Schema(name = "AssistanceReport")
    public record View(String orgUnit, YearMonth month, AssistanceCategory category, BigDecimal amount, int beneficiaryTimes,
                       @Schema(description = "Replaced values; null for a first report") BigDecimal previousAmount,
                       Integer previousBeneficiaryTimes) {
    }

    /** A flow: months add up. effectiveDate is the last day of the month. */
    public record AssistanceReported(String orgUnit, YearMonth month, AssistanceCategory category, BigDecimal amount,
                                     int beneficiaryTimes, BigDecimal previousAmount, Integer previousBeneficiaryTimes,
                                     LocalDate submittedOn, LocalDate effectiveDate) {
    }

    @Schema(name = "AssistanceMonth")
    public record MonthTotal(YearMonth month, @Schema(description = "万元") BigDecimal amount, int beneficiaryTimes) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final OrgUnitRegistry orgUnits;
    private final WriteScope writeScope;

    public AssistanceResource(Outbox outbox, Clock clock, OrgUnitRegistry orgUnits, WriteScope writeScope) {
        this.outbox = outbox;
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.writeScope = writeScope;
    }

    @PUT
    @PermissionsAllowed(Access.WRITE)
    @Path("{month}/{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "reportAssistance", summary = "Report assistance disbursed by a unit in a month and category",
            description = "Again = correction (assistance-corrected.v1 with old and new values). Reported by districts, "
                    + "counties and zones; the city's figure is their sum.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Report.class),
            examples = @ExampleObject(name = "dibao-april", value = "{\"amount\":740.00,\"beneficiaryTimes\":1430}")))
    @APIResponse(responseCode = "201", description = "First report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "200", description = "Correction (or the same values again)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    public Response report(@PathParam("orgUnit") @OrgUnitCode String orgUnit,
                           @PathParam("month") @BusinessDate YearMonth month,
                           @PathParam("category") AssistanceCategory category, @Valid @NotNull Report request) {
        MonthlyReports.requireReportingUnit(orgUnits, orgUnit);
        writeScope.check(orgUnit);
        BigDecimal amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        LocalDate submittedOn = SubmittedOn.resolve(request.submittedOn(), month, clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Locked: concurrent corrections apply one after the other; two first reports → one 201, one 409.
        Assistance row = Assistance.findById(new Assistance.Key(orgUnit, month.atDay(1), category),
                LockModeType.PESSIMISTIC_WRITE);
        boolean created = row == null;
        BigDecimal previousAmount = created ? null : row.amount;
        Integer previousTimes = created ? null : row.beneficiaryTimes;
        if (!created && previousAmount.compareTo(amount) == 0 && previousTimes == request.beneficiaryTimes()) {
            return Response.ok(new View(orgUnit, month, category, amount, previousTimes, null, null)).build();
        }
        if (created) {
            row = new Assistance();
            row.orgUnit = orgUnit;
            row.monthStart = month.atDay(1);
            row.category = category;
            row.recordedAt = now;
        }
        row.amount = amount;
        row.beneficiaryTimes = request.beneficiaryTimes();
        row.updatedAt = now;
        row.persist();
        outbox.append(created ? REPORTED : CORRECTED, 1, orgUnit + "/" + month + "/" + category, orgUnit,
                new AssistanceReported(orgUnit, month, category, amount, row.beneficiaryTimes, previousAmount, previousTimes,
                        submittedOn, month.atEndOfMonth()));
        LOG.infof("Assistance %s of %s for %s: %s万元, %d人次%s", category, orgUnit, month, amount.toPlainString(),
                row.beneficiaryTimes, created ? "" : " (corrected)");
        return Response.status(created ? 201 : 200)
                .entity(new View(orgUnit, month, category, amount, row.beneficiaryTimes, previousAmount, previousTimes)).build();
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getAssistanceSeries", summary = "A year of assistance, month by month, all categories", description = "The city adds its units up.")
    @APIResponse(responseCode = "200", description = "Twelve months")
    public List<MonthTotal> series(@PathParam("orgUnit") @OrgUnitCode String orgUnit,
                                   @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        List<Assistance> rows = Assistance.list("orgUnit in ?1 and monthStart >= ?2 and monthStart <= ?3",
                orgUnits.selfAndDescendants(orgUnit), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1));
        List<MonthTotal> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate start = LocalDate.of(year, m, 1);
            List<Assistance> month = rows.stream().filter(r -> r.monthStart.equals(start)).toList();
            months.add(new MonthTotal(YearMonth.of(year, m),
                    month.stream().map(r -> r.amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                    month.stream().mapToInt(r -> r.beneficiaryTimes).sum()));
        }
        return months;
    }
}
