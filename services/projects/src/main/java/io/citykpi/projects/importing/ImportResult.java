package io.citykpi.projects.importing;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportResult", description = "Every row was registered")
public record ImportResult(
        @Schema(description = "Rows registered", example = "2") int imported,
        List<ImportedProject> projects) {

    @Schema(name = "ImportedProject")
    public record ImportedProject(@Schema(description = "Line of the CSV file (the header is line 1)", example = "2") int line,
                                  UUID id,
                                  @Schema(example = "LY-2025-0001") String code) {
    }
}
