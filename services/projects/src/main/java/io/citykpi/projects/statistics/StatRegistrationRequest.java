package io.citykpi.projects.statistics;

import io.citykpi.shared.time.BusinessDate;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatRegistrationRequest", description = "The project entered the statistics system (入库/入统)")
public record StatRegistrationRequest(
        @Schema(description = "The day it was registered (Asia/Shanghai)", example = "2025-03-05", required = true)
        @NotNull @BusinessDate LocalDate registeredOn) {
}
