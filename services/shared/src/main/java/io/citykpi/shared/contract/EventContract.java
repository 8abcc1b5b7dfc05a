package io.citykpi.shared.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.citykpi.shared.contract.investment.DealEvents;
import io.citykpi.shared.contract.investment.FaiEvents;
import io.citykpi.shared.contract.livelihood.HotlineEvents;
import io.citykpi.shared.contract.livelihood.LivelihoodEvents;
import io.citykpi.shared.contract.projects.ProjectEvents;
import io.citykpi.shared.contract.safety.SafetyEvents;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one list of event types the domain services publish and the gateway reads, each with the record
 * its payload is. Producers append exactly that record (the outbox refuses another); the gateway reads
 * each payload into it at ingest and dead-letters what does not fit, so a renamed or retyped field is
 * caught by the first test that sends it, not by a KPI that silently reads nothing.
 */
public final class EventContract {

    private static final Map<String, Class<? extends Record>> PAYLOADS = new LinkedHashMap<>();

    static {
        PAYLOADS.put(ProjectEvents.REGISTERED, ProjectEvents.ProjectRegistered.class);
        PAYLOADS.put(ProjectEvents.UPDATED, ProjectEvents.ProjectUpdated.class);
        PAYLOADS.put(ProjectEvents.STAGE_CHANGED, ProjectEvents.ProjectStageChanged.class);
        PAYLOADS.put(ProjectEvents.PLAN_SET, ProjectEvents.ProjectPlanSet.class);
        PAYLOADS.put(ProjectEvents.STATISTICALLY_REGISTERED, ProjectEvents.ProjectStatisticallyRegistered.class);
        PAYLOADS.put(ProjectEvents.INVESTMENT_REPORTED, ProjectEvents.ProjectInvestmentReported.class);
        PAYLOADS.put(ProjectEvents.INVESTMENT_CORRECTED, ProjectEvents.ProjectInvestmentReported.class);
        PAYLOADS.put(DealEvents.SIGNED, DealEvents.DealSigned.class);
        PAYLOADS.put(DealEvents.STATUS_CHANGED, DealEvents.DealStatusChanged.class);
        PAYLOADS.put(DealEvents.FUNDS_ARRIVED, DealEvents.FundsArrived.class);
        PAYLOADS.put(DealEvents.CONTRACT_AMENDED, DealEvents.ContractAmended.class);
        PAYLOADS.put(FaiEvents.REPORTED, FaiEvents.FixedAssetInvestmentReported.class);
        PAYLOADS.put(FaiEvents.CORRECTED, FaiEvents.FixedAssetInvestmentReported.class);
        PAYLOADS.put(LivelihoodEvents.PROGRAMME_CREATED, LivelihoodEvents.ProgrammeCreated.class);
        PAYLOADS.put(LivelihoodEvents.PROGRESS_REPORTED, LivelihoodEvents.ProgrammeProgressReported.class);
        PAYLOADS.put(LivelihoodEvents.PROGRESS_CORRECTED, LivelihoodEvents.ProgrammeProgressReported.class);
        PAYLOADS.put(LivelihoodEvents.ASSISTANCE_REPORTED, LivelihoodEvents.AssistanceReported.class);
        PAYLOADS.put(LivelihoodEvents.ASSISTANCE_CORRECTED, LivelihoodEvents.AssistanceReported.class);
        PAYLOADS.put(LivelihoodEvents.EMPLOYMENT_REPORTED, LivelihoodEvents.EmploymentReported.class);
        PAYLOADS.put(LivelihoodEvents.EMPLOYMENT_CORRECTED, LivelihoodEvents.EmploymentReported.class);
        PAYLOADS.put(HotlineEvents.RECEIVED, HotlineEvents.CaseReceived.class);
        PAYLOADS.put(HotlineEvents.ACCEPTED, HotlineEvents.CaseAccepted.class);
        PAYLOADS.put(HotlineEvents.RESOLVED, HotlineEvents.CaseResolved.class);
        PAYLOADS.put(HotlineEvents.FEEDBACK, HotlineEvents.CaseFeedbackRecorded.class);
        PAYLOADS.put(HotlineEvents.SENT_BACK, HotlineEvents.CaseSentBack.class);
        PAYLOADS.put(HotlineEvents.ESCALATED, HotlineEvents.CaseEscalated.class);
        PAYLOADS.put(SafetyEvents.INSPECTION_RECORDED, SafetyEvents.InspectionRecorded.class);
        PAYLOADS.put(SafetyEvents.HAZARD_FOUND, SafetyEvents.HazardFound.class);
        PAYLOADS.put(SafetyEvents.HAZARD_RECTIFIED, SafetyEvents.HazardRectified.class);
        PAYLOADS.put(SafetyEvents.HAZARD_VERIFIED, SafetyEvents.HazardVerified.class);
        PAYLOADS.put(SafetyEvents.EXTENSION_REQUESTED, SafetyEvents.DeadlineExtensionRequested.class);
        PAYLOADS.put(SafetyEvents.EXTENSION_DECIDED, SafetyEvents.DeadlineExtensionDecided.class);
        PAYLOADS.put(SafetyEvents.HAZARD_LISTED, SafetyEvents.HazardListed.class);
        PAYLOADS.put(SafetyEvents.HAZARD_OVERDUE, SafetyEvents.HazardOverdue.class);
        PAYLOADS.put(GatewayEvents.TARGET_SET, null);
        PAYLOADS.put(GatewayEvents.TARGET_REMOVED, null);
    }

    /**
     * Reads payloads strictly where the contract is strict (a number is a JSON number, a flag a JSON
     * boolean, a missing flag or count is missing, not false or 0) and leniently where it promises to be:
     * a field added later in the same version is ignored by a reader that does not know it yet.
     */
    private static final ObjectMapper READER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventContract() {
    }

    /** Every event type of the contract, in a stable order. */
    public static Set<String> types() {
        return PAYLOADS.keySet();
    }

    /** The record a type's payload is; empty for a type outside the contract or one whose payload the producer owns. */
    public static Optional<Class<? extends Record>> payloadType(String type) {
        return Optional.ofNullable(PAYLOADS.get(type));
    }

    public static boolean knows(String type) {
        return PAYLOADS.containsKey(type);
    }

    /** {@code citykpi.projects.project-registered.v1} → {@code /citykpi/projects}: the one source that may publish it. */
    public static String source(String type) {
        String[] parts = type.split("\\.");
        if (parts.length != 4 || !"citykpi".equals(parts[0])) {
            throw new IllegalArgumentException("not a CityKPI event type: " + type);
        }
        return "/citykpi/" + parts[1];
    }

    /**
     * The payload of an event of {@code type} as its record, checked against the record's constraints.
     *
     * @throws ContractViolationException naming the field and what is wrong with it
     */
    public static <T extends Record> T read(String type, JsonNode data, Validator validator) {
        Class<? extends Record> payloadType = payloadType(type)
                .orElseThrow(() -> new ContractViolationException("event type " + type + " has no payload in the contract"));
        T payload = convert(data, payloadType, type);
        Set<ConstraintViolation<T>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> "payload field " + v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return payload;
    }

    /** The payload as its record, for a consumer that already checked it at ingest. */
    public static <T extends Record> T payload(JsonNode data, Class<T> payloadType) {
        return convert(data, payloadType, payloadType.getSimpleName());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> T convert(JsonNode data, Class<? extends Record> payloadType, String what) {
        try {
            return (T) READER.treeToValue(data, payloadType);
        } catch (JsonProcessingException e) {
            throw new ContractViolationException("payload does not fit " + what + ": " + e.getOriginalMessage()
                    + location(e));
        } catch (IllegalArgumentException e) {
            throw new ContractViolationException("payload does not fit " + what + ": " + e.getMessage());
        }
    }

    private static String location(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return " (field " + mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")) + ")";
        }
        return "";
    }
}
