package io.citykpi.gateway.projects;

import com.fasterxml.jackson.databind.JsonNode;
import io.citykpi.gateway.ingest.EventHandler;
import io.citykpi.gateway.ingest.UnusableEventException;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.orgunit.OrgUnitRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/** Keeps {@link ProjectFact} up to date from the projects service's events. */
@ApplicationScoped
public class ProjectEventHandler implements EventHandler {

    static final String REGISTERED = "citykpi.projects.project-registered.v1";
    static final String UPDATED = "citykpi.projects.project-updated.v1";
    static final String STAGE_CHANGED = "citykpi.projects.project-stage-changed.v1";

    private final OrgUnitRegistry orgUnits;

    public ProjectEventHandler(OrgUnitRegistry orgUnits) {
        this.orgUnits = orgUnits;
    }

    @Override
    public Set<String> types() {
        return Set.of(REGISTERED, UPDATED, STAGE_CHANGED);
    }

    @Override
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case REGISTERED -> registered(event);
            case UPDATED -> updated(event);
            case STAGE_CHANGED -> stageChanged(event);
            default -> throw new IllegalStateException("not a project event: " + event.type());
        }
    }

    /** Edits that move the project between units or size classes change what it counts for. */
    private void updated(CloudEvent event) {
        ProjectFact fact = existing(event);
        JsonNode changes = event.data().path("changes");
        if (changes.has("orgUnit")) {
            fact.orgUnit = text(changes.get("orgUnit"), "to");
            if (!orgUnits.exists(fact.orgUnit)) {
                throw new UnusableEventException("unknown organisation unit " + fact.orgUnit);
            }
        }
        if (changes.has("totalInvestment")) {
            fact.totalInvestment = decimal(changes.get("totalInvestment"), "to");
        }
        fact.updatedAt = event.time();
    }

    private void stageChanged(CloudEvent event) {
        ProjectFact fact = existing(event);
        fact.stage = text(event.data(), "toStage");
        if ("CANCELLED".equals(fact.stage)) {
            fact.cancelledOn = date(event.data(), "effectiveDate");
        }
        fact.updatedAt = event.time();
    }

    /** Events of one project arrive in order (same key, same partition), so the registration came first. */
    private ProjectFact existing(CloudEvent event) {
        UUID id = uuid(event.data(), "projectId");
        ProjectFact fact = ProjectFact.findById(id);
        if (fact == null) {
            throw new UnusableEventException("project " + id + " was never registered");
        }
        return fact;
    }

    private void registered(CloudEvent event) {
        JsonNode data = event.data();
        UUID id = uuid(data, "projectId");
        ProjectFact fact = ProjectFact.findById(id);
        if (fact == null) {
            fact = new ProjectFact();
            fact.projectId = id;
        }
        fact.code = text(data, "code");
        fact.orgUnit = text(data, "orgUnit");
        if (!orgUnits.exists(fact.orgUnit)) {
            throw new UnusableEventException("unknown organisation unit " + fact.orgUnit);
        }
        fact.totalInvestment = decimal(data, "totalInvestment");
        fact.stage = text(data, "stage");
        fact.registeredOn = date(data, "effectiveDate");
        fact.updatedAt = event.time();
        fact.persist();
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new UnusableEventException("payload field " + field + " is missing or not a string");
        }
        return node.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(text(data, field));
        } catch (IllegalArgumentException e) {
            throw new UnusableEventException("payload field " + field + " is not a UUID");
        }
    }

    private static BigDecimal decimal(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isNumber()) {
            throw new UnusableEventException("payload field " + field + " is missing or not a number");
        }
        return node.decimalValue();
    }

    private static LocalDate date(JsonNode data, String field) {
        try {
            return LocalDate.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new UnusableEventException("payload field " + field + " is not a date (yyyy-MM-dd)");
        }
    }
}
