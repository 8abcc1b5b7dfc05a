package io.citykpi.shared.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One CityKPI event as CloudEvents 1.0 describes it. {@code time} is when the fact was recorded;
 * the business effective date (when it happened) is inside {@code data}, as every payload carries it.
 *
 * @param id        unique per event; consumers deduplicate on it
 * @param source    the producing service, e.g. {@code /citykpi/projects}
 * @param type      reverse-DNS type with version, e.g. {@code citykpi.projects.project-registered.v1}
 * @param time      when the producing service recorded the change
 * @param subject   the aggregate id; also the Kafka record key, so one aggregate's events stay in order
 * @param orgUnit   extension attribute {@code orgunit}: the organisation unit the fact belongs to
 * @param actor     extension attribute {@code actor}: the user name (or service-account client id) that made
 *                  the change; null on events recorded before the services checked tokens
 * @param actorId   extension attribute {@code actorid}: that user's token subject, stable across renames
 * @param data      the JSON payload ({@code application/json})
 */
public record CloudEvent(UUID id, String source, String type, OffsetDateTime time, String subject,
                         String orgUnit, String actor, String actorId, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** An event without an actor, as older events on the topics are. */
    public CloudEvent(UUID id, String source, String type, OffsetDateTime time, String subject, String orgUnit,
                      JsonNode data) {
        this(id, source, type, time, subject, orgUnit, null, null, data);
    }
}
