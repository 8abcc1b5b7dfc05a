package io.citykpi.gateway.kpi;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator of the catalogue (src/main/resources/kpi/catalogue.json), DHIS2-style. */
@Schema(name = "KpiDefinition")
public record KpiDefinition(
        @Schema(example = "projects.registered") String id,
        Names name,
        @Schema(example = "projects") String domain,
        @Schema(description = "Unit of the value", example = "projects") String unit,
        @Schema(description = "How values combine: COUNT, SUM, LATEST, RATIO", example = "COUNT") String aggregation,
        @Schema(description = "STOCK (value on the as-of date) or FLOW (adds up over the period)", example = "STOCK")
        String valueType,
        @Schema(description = "HIGHER_IS_BETTER or LOWER_IS_BETTER, for rankings", example = "HIGHER_IS_BETTER")
        String direction,
        @Schema(description = "The formula in words") String formula,
        @Schema(description = "CloudEvents types that feed it") List<String> sourceEventTypes) {

    public record Names(@Schema(example = "重点项目在库数") String zh,
                        @Schema(example = "Key projects on the register") String en) {
    }
}
