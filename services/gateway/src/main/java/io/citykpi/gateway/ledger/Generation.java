package io.citykpi.gateway.ledger;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One build of the KPI ledger. Queries read the ACTIVE one; a rebuild fills a BUILDING one. */
@Schema(name = "ProjectionGeneration")
public record Generation(
        @Schema(example = "2") int generation,
        @Schema(enumeration = {"BUILDING", "ACTIVE", "RETIRED"}, example = "BUILDING") String state,
        @Schema(description = "While BUILDING: LOADING facts from the topics, building the LEDGER from them, "
                + "CATCHING_UP with the live stream", enumeration = {"LOADING", "LEDGER", "CATCHING_UP"},
                example = "LOADING") String phase,
        OffsetDateTime requestedAt,
        @Schema(example = "ops@liaoyuan") String requestedBy,
        OffsetDateTime activatedAt,
        OffsetDateTime retiredAt,
        @Schema(description = "Events applied to this generation so far", example = "18250") long eventsApplied) {

    public boolean active() {
        return "ACTIVE".equals(state);
    }
}
