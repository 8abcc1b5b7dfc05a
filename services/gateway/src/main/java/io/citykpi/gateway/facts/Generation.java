package io.citykpi.gateway.facts;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One build of the fact projection. Queries read the ACTIVE one; a rebuild fills a BUILDING one. */
@Schema(name = "ProjectionGeneration")
public record Generation(
        @Schema(example = "2") int generation,
        @Schema(enumeration = {"BUILDING", "ACTIVE", "RETIRED"}, example = "BUILDING") String state,
        OffsetDateTime requestedAt,
        @Schema(example = "ops@liaoyuan") String requestedBy,
        OffsetDateTime activatedAt,
        OffsetDateTime retiredAt,
        @Schema(description = "Events applied to this generation so far", example = "18250") long eventsApplied) {
}
