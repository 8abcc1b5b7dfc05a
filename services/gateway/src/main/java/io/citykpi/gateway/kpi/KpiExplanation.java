package io.citykpi.gateway.kpi;

import io.citykpi.gateway.csv.CsvExport;
import io.citykpi.gateway.catalogue.KpiDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiExplanation", description = "How a KPI value was computed, down to the events behind it")
public record KpiExplanation(
        KpiDefinition definition,
        @Schema(example = "220421") String orgUnit,
        @Schema(example = "东丰县") String orgUnitName,
        @Schema(example = "2025") String period,
        @Schema(example = "2025-06-30") LocalDate asOf,
        @Schema(example = "2025-06-30") LocalDate cutoff,
        OffsetDateTime knownAt,
        @Schema(description = "Σ numerator ÷ Σ denominator (× 100 for rates)", example = "45.45") BigDecimal value,
        @Schema(example = "5") BigDecimal numerator,
        @Schema(example = "11") BigDecimal denominator,
        OffsetDateTime lastEventAt,
        @Schema(description = "The page of contributing records shown (0 = first)", example = "0") int page,
        @Schema(description = "Records per page", example = "100") int size,
        @Schema(description = "How many records contribute in all", example = "11") long totalContributions,
        @Schema(description = "The records that contribute (one page), with the events each was built from")
        List<Item> contributions)
        implements CsvExport {

    @Schema(name = "KpiContribution")
    public record Item(
            @Schema(example = "220421") String orgUnit,
            @Schema(example = "project") String recordKind,
            @Schema(example = "6f1c2d4e-8a1b-4f7e-9c3d-2b5a7e9f1c3d") String recordId,
            @Schema(example = "DF-2025-001") String label,
            @Schema(example = "1") BigDecimal numerator,
            @Schema(example = "1") BigDecimal denominator,
            @Schema(description = "The record in the service that owns it",
                    example = "http://projects:8081/api/v1/projects/6f1c2d4e-8a1b-4f7e-9c3d-2b5a7e9f1c3d") String link,
            @Schema(description = "The same record through the gateway, for browsers that only reach the gateway",
                    example = "/api/v1/records/project/6f1c2d4e-8a1b-4f7e-9c3d-2b5a7e9f1c3d") String gatewayLink,
            List<SourceEvent> events) {
    }

    @Schema(name = "KpiSourceEvent")
    public record SourceEvent(
            @Schema(description = "The CloudEvents id (ce_id)") UUID eventId,
            @Schema(example = "citykpi.projects.project-stage-changed.v1") String type,
            @Schema(example = "/citykpi/projects") String source,
            @Schema(example = "2025-03-18") LocalDate effectiveDate,
            @Schema(description = "When the service recorded it (ce_time)") OffsetDateTime recordedAt) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("orgUnit", "recordKind", "recordId", "label", "numerator", "denominator", "link", "eventIds");
    }

    @Override
    public List<List<?>> csvRows() {
        return contributions.stream().<List<?>>map(c -> Arrays.asList(c.orgUnit(), c.recordKind(), c.recordId(),
                c.label(), c.numerator(), c.denominator(), c.link(),
                String.join(" ", c.events().stream().map(e -> e.eventId().toString()).toList()))).toList();
    }
}
