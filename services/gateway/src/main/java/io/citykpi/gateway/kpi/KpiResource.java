package io.citykpi.gateway.kpi;

import io.citykpi.gateway.assessment.KpiService;
import io.citykpi.gateway.catalogue.KpiCatalogue;
import io.citykpi.gateway.catalogue.KpiDefinition;
import io.citykpi.gateway.csv.CsvWriter;
import io.citykpi.gateway.query.KpiQuery;
import io.citykpi.gateway.query.RememberedAnswers;
import java.util.List;
import io.citykpi.shared.orgunit.OrgUnitCode;
import io.citykpi.shared.security.Access;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "KPIs", description = "City and district KPIs against targets, built only from the domain services' events")
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
public class KpiResource {

    private final KpiService service;
    private final KpiReports reports;
    private final OverviewService overview;
    private final RememberedAnswers answers;

    public KpiResource(KpiService service, KpiReports reports, OverviewService overview, RememberedAnswers answers) {
        this.service = service;
        this.reports = reports;
        this.overview = overview;
        this.answers = answers;
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("overview")
    @Operation(operationId = "getOverview", summary = "A cockpit's first screen in one call",
            description = "Every KPI (the catalogue with display data, in display order) for the city and every unit, "
                    + "each with value, target, completion rate, time progress, gap, status, rank and the rank at the "
                    + "end of the previous month or quarter; alert counts by severity for the city and per unit; the "
                    + "reporting calendar's on-time rates. Also as CSV (one row per KPI and unit).")
    @APIResponse(responseCode = "200", description = "The overview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Overview.class)))
    public Overview overview(
            @BeanParam KpiQueryParams params,
            @Parameter(description = "Rank changes against the end of the previous MONTH (default) or QUARTER",
                    example = "MONTH") @QueryParam("compareWith") @DefaultValue("MONTH") OverviewService.CompareWith compareWith) {
        KpiQuery query = params.read(service);
        return answers.answer(List.of("overview", query, compareWith), () -> overview.overview(query, compareWith));
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("kpis")
    @Operation(operationId = "listKpis", summary = "Every KPI for one org unit",
            description = "All KPIs of the catalogue for the unit (default the city) in the period, with target, "
                    + "completion rate (完成率), time progress (时间进度), gap, status, rank among sibling units and change "
                    + "against the same period a year earlier. Ratios add numerators and denominators over the unit and "
                    + "every unit below it before dividing. Also as CSV with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The KPIs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiReport.class)))
    public KpiReport kpis(
            @Parameter(description = "Organisation unit code (default: the city)", example = "220421")
            @QueryParam("orgUnit") @OrgUnitCode String orgUnit,
            @BeanParam KpiQueryParams params) {
        KpiQuery query = params.read(service);
        String unit = orgUnit != null ? orgUnit : service.orgUnits().root().code();
        return answers.answer(List.of("kpis", query, unit), () -> reports.report(query, unit));
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("kpis/{kpiId}")
    @Operation(operationId = "getKpi", summary = "One KPI for the city and every unit, ranked, with the monthly series",
            description = "The city's value, each unit below it with its rank (best first, direction-aware), and every "
                    + "unit month by month (each month alone and year to date). Also as CSV (one row per unit).")
    @APIResponse(responseCode = "200", description = "The KPI",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiDetail.class)))
    public KpiDetail kpi(
            @Parameter(description = "KPI id from the catalogue", example = "projects.investment-completed")
            @PathParam("kpiId") String kpiId,
            @BeanParam KpiQueryParams params) {
        KpiDefinition kpi = service.definition(kpiId);
        KpiQuery query = params.read(service);
        return answers.answer(List.of("kpi", kpiId, query), () -> reports.detail(kpi, query));
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("kpis/{kpiId}/explain")
    @Operation(operationId = "explainKpi", summary = "How a KPI value was computed",
            description = "The formula, the numerator and denominator, and the contributing records (project, deal, "
                    + "report, case, hazard...), a page at a time (a KPI can have hundreds of thousands), each with the "
                    + "ids of the events it was built from and a link to it in the service that owns it. Also as CSV "
                    + "(one row per record of the page).")
    @APIResponse(responseCode = "200", description = "The explanation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiExplanation.class)))
    public KpiExplanation explain(
            @Parameter(description = "KPI id from the catalogue", example = "livelihood.hotline-satisfaction-rate")
            @PathParam("kpiId") String kpiId,
            @Parameter(description = "Organisation unit code (default: the city)", example = "220421")
            @QueryParam("orgUnit") @OrgUnitCode String orgUnit,
            @BeanParam KpiQueryParams params,
            @Parameter(description = "Page of contributing records, 0 = first", example = "0")
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @Parameter(description = "Records per page", example = "100")
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        KpiDefinition kpi = service.definition(kpiId);
        return reports.explain(kpi, params.read(service),
                orgUnit != null ? orgUnit : service.orgUnits().root().code(), page, size);
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("kpis/{kpiId}/breakdown")
    @Operation(operationId = "getKpiBreakdown", summary = "One KPI of a unit split by an attribute of its records",
            description = "Projects by sector, construction type or size class; deals by investor origin or sector; "
                    + "12345 cases by type; hazards by domain, severity or place type; programmes and assistance by "
                    + "category (each KPI's definition lists its breakdowns). Each group is added up as the KPI is "
                    + "(ratios divide the group's sums). Also as CSV.")
    @APIResponse(responseCode = "200", description = "The groups, largest value first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiBreakdown.class)))
    public KpiBreakdown breakdown(
            @Parameter(description = "KPI id from the catalogue", example = "projects.investment-completed")
            @PathParam("kpiId") String kpiId,
            @Parameter(description = "The attribute to group by (one of the KPI's breakdowns)", required = true,
                    example = "sector") @QueryParam("by") String by,
            @Parameter(description = "Organisation unit code (default: the city)", example = "220421")
            @QueryParam("orgUnit") @OrgUnitCode String orgUnit,
            @BeanParam KpiQueryParams params) {
        KpiDefinition kpi = service.definition(kpiId);
        return reports.breakdown(kpi, params.read(service), orgUnit != null ? orgUnit : service.orgUnits().root().code(),
                by);
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("rankings/{kpiId}")
    @Operation(operationId = "getRanking", summary = "Units ranked on one KPI",
            description = "The units below the city, best first: highest first, or lowest first where lower is better "
                    + "(overdue hazards); with rankBy=COMPLETION by completion rate against each unit's own target. "
                    + "Equal values share a rank. Also as CSV.")
    @APIResponse(responseCode = "200", description = "The ranking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RankingTable.class)))
    public RankingTable ranking(
            @Parameter(description = "KPI id from the catalogue", example = "safety.hazards-overdue")
            @PathParam("kpiId") String kpiId,
            @BeanParam KpiQueryParams params,
            @Parameter(description = "VALUE (default): the value, direction-aware; COMPLETION: the completion rate "
                    + "against each unit's own target (完成率排名)", example = "COMPLETION")
            @QueryParam("rankBy") @DefaultValue("VALUE") RankBy rankBy) {
        KpiDefinition kpi = service.definition(kpiId);
        KpiQuery query = params.read(service);
        return answers.answer(List.of("ranking", kpiId, query, rankBy), () -> reports.ranking(kpi, query, rankBy));
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("scorecards/{orgUnit}")
    @Operation(operationId = "getScorecard", summary = "Scorecard of one unit",
            description = "Every KPI of the unit with how many are ahead, on track, behind or without a target. Also as CSV.")
    @APIResponse(responseCode = "200", description = "The scorecard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scorecard.class)))
    public Scorecard scorecard(
            @Parameter(description = "Organisation unit code", example = "220421") @PathParam("orgUnit") String orgUnit,
            @BeanParam KpiQueryParams params) {
        service.requireUnit(orgUnit);
        KpiQuery query = params.read(service);
        return answers.answer(List.of("scorecard", query, orgUnit), () -> reports.scorecard(query, orgUnit));
    }

    @GET
    @PermissionsAllowed(Access.READ)
    @Path("kpi-definitions")
    @Operation(operationId = "listKpiDefinitions", summary = "The KPI catalogue",
            description = "Every indicator with its unit, aggregation, value type, direction, formula and source events. "
                    + "Also as CSV.")
    @APIResponse(responseCode = "200", description = "The catalogue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KpiCatalogue.Document.class)))
    public KpiCatalogue.Document definitions() {
        return service.catalogue();
    }
}
