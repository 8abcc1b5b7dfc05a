package io.citykpi.gateway.alerts;

import io.citykpi.gateway.csv.CsvExport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertList", description = "The alerts of a year as of a date, most severe first")
public record AlertList(
        @Schema(example = "2025") int year,
        @Schema(example = "2025-06-30") LocalDate asOf,
        @Schema(description = "Alerts per severity", example = "{\"HIGH\": 3, \"MEDIUM\": 12, \"LOW\": 2}")
        Map<Alert.Severity, Integer> counts,
        List<Alert> alerts) implements CsvExport {

    @Override
    public List<String> csvHeader() {
        return Alert.CSV_HEADER;
    }

    @Override
    public List<List<?>> csvRows() {
        return alerts.stream().<List<?>>map(Alert::csvRow).toList();
    }
}
