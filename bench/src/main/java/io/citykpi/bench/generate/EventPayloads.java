package io.citykpi.bench.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.security.Actor;
import io.citykpi.shared.event.Topics;
import io.citykpi.shared.time.BusinessTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Every event the generator writes, built exactly as the domain services publish it: the payload
 * fields, their order and formats of the producers' event records ({@code ProjectEvents},
 * {@code DealEvents}, {@code FaiEvents}, {@code HotlineEvents}, {@code SafetyEvents}, the livelihood
 * reports) and docs/asyncapi.yaml, in the CloudEvents envelope of {@code services/shared}.
 *
 * <p>This is the only class that knows the payloads: when the payloads move to typed records in
 * {@code services/shared}, each method here becomes {@code event(..., mapper.valueToTree(new Record(...)))}.
 * Event ids come from a seeded random, so the same seed writes the same events.
 */
public final class EventPayloads {

    /** Money and quantities written plain, as the services' ObjectMapper writes them (JsonCustomizer). */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    /** Payload timestamps as the services' ObjectMapper writes them (quarkus.jackson.timezone=Asia/Shanghai). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final BigDecimal KEY_PROJECT = new BigDecimal("500");
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("10000");
    private static final BigDecimal BILLION = new BigDecimal("100000");

    private final SplittableRandom ids;

    public EventPayloads(long seed) {
        this.ids = new SplittableRandom(seed);
    }

    // ---- projects (ProjectEvents) ---------------------------------------------------------------

    public CloudEvent projectRegistered(Instant recorded, UUID projectId, String code, String name, String orgUnit,
                                        String sector, String constructionType, BigDecimal totalInvestment,
                                        String stage, String leadUnit, LocalDate registeredOn) {
        ObjectNode d = project(projectId, code).put("name", name).put("orgUnit", orgUnit).put("sector", sector)
                .put("constructionType", constructionType).put("totalInvestment", totalInvestment)
                .put("sizeClass", projectSizeClass(totalInvestment)).put("stage", stage).put("leadUnit", leadUnit)
                .putNull("location").put("effectiveDate", registeredOn.toString());
        return event("projects", "project-registered", recorded, projectId.toString(), orgUnit, d);
    }

    /** An edit of the total investment (the register's most common correction). */
    public CloudEvent projectInvestmentTotalChanged(Instant recorded, UUID projectId, String code, String orgUnit,
                                                    BigDecimal from, BigDecimal to, LocalDate on) {
        ObjectNode d = project(projectId, code).put("orgUnit", orgUnit).put("sizeClass", projectSizeClass(to));
        d.putObject("changes").putObject("totalInvestment").put("from", from).put("to", to);
        d.put("effectiveDate", on.toString());
        return event("projects", "project-updated", recorded, projectId.toString(), orgUnit, d);
    }

    public CloudEvent projectStageChanged(Instant recorded, UUID projectId, String code, String orgUnit, String from,
                                          String to, LocalDate on) {
        ObjectNode d = project(projectId, code).put("orgUnit", orgUnit).put("fromStage", from).put("toStage", to)
                .putNull("note").put("effectiveDate", on.toString());
        return event("projects", "project-stage-changed", recorded, projectId.toString(), orgUnit, d);
    }

    public CloudEvent projectPlanSet(Instant recorded, UUID projectId, String code, String orgUnit, int year,
                                     BigDecimal planned, YearMonth startMonth, YearMonth completionMonth,
                                     BigDecimal previousPlanned, LocalDate adoptedOn) {
        ObjectNode d = project(projectId, code).put("orgUnit", orgUnit).put("year", year);
        plan(d.putObject("plan"), planned, startMonth, completionMonth);
        if (previousPlanned == null) {
            d.putNull("previous");
        } else {
            plan(d.putObject("previous"), previousPlanned, startMonth, completionMonth);
        }
        d.put("effectiveDate", adoptedOn.toString());
        return event("projects", "project-plan-set", recorded, projectId.toString(), orgUnit, d);
    }

    private static void plan(ObjectNode plan, BigDecimal planned, YearMonth start, YearMonth completion) {
        plan.put("plannedInvestment", planned);
        month(plan, "plannedStartMonth", start);
        month(plan, "plannedCompletionMonth", completion);
        plan.putNull("plannedProductionMonth").putNull("monthlyInvestment");
    }

    public CloudEvent projectStatisticallyRegistered(Instant recorded, UUID projectId, String code, String orgUnit,
                                                     LocalDate on, LocalDate previous) {
        ObjectNode d = project(projectId, code).put("orgUnit", orgUnit).put("effectiveDate", on.toString());
        date(d, "previousEffectiveDate", previous);
        return event("projects", "project-statistically-registered", recorded, projectId.toString(), orgUnit, d);
    }

    /** A month's investment; {@code previous} set makes it a correction. */
    public CloudEvent projectInvestment(Instant recorded, UUID projectId, String code, String orgUnit, YearMonth month,
                                       BigDecimal amount, BigDecimal previous, BigDecimal cumulative,
                                       BigDecimal totalInvestment, LocalDate submittedOn) {
        ObjectNode d = project(projectId, code).put("orgUnit", orgUnit).put("month", month.toString())
                .put("amount", amount);
        money(d, "previousAmount", previous);
        d.put("cumulativeAmount", cumulative).put("totalInvestment", totalInvestment);
        var warnings = d.putArray("dataQualityWarnings");
        if (cumulative.compareTo(totalInvestment) > 0) {
            warnings.add("CUMULATIVE_EXCEEDS_TOTAL_INVESTMENT");
        }
        d.put("submittedOn", submittedOn.toString()).put("effectiveDate", month.atEndOfMonth().toString());
        return event("projects", previous == null ? "project-investment-reported" : "project-investment-corrected",
                recorded, projectId.toString(), orgUnit, d);
    }

    // ---- investment (DealEvents, FaiEvents) -----------------------------------------------------

    public CloudEvent dealSigned(Instant recorded, UUID dealId, String name, String investor, String origin,
                                 String orgUnit, String sector, BigDecimal contract, String leadUnit, LocalDate signedOn) {
        ObjectNode d = MAPPER.createObjectNode().put("dealId", dealId.toString()).put("name", name)
                .put("investor", investor).put("investorOrigin", origin).put("orgUnit", orgUnit).put("sector", sector)
                .put("contractAmount", contract).put("sizeClass", dealSizeClass(contract)).put("leadUnit", leadUnit)
                .putNull("projectCode").put("effectiveDate", signedOn.toString());
        return event("investment", "deal-signed", recorded, dealId.toString(), orgUnit, d);
    }

    public CloudEvent dealStatusChanged(Instant recorded, UUID dealId, String orgUnit, String from, String to,
                                        LocalDate on) {
        ObjectNode d = MAPPER.createObjectNode().put("dealId", dealId.toString()).put("orgUnit", orgUnit)
                .put("fromStatus", from).put("toStatus", to).putNull("note").put("effectiveDate", on.toString());
        return event("investment", "deal-status-changed", recorded, dealId.toString(), orgUnit, d);
    }

    public CloudEvent fundsArrived(Instant recorded, UUID dealId, String orgUnit, BigDecimal amount, String source,
                                   BigDecimal arrivedTotal, BigDecimal contract, LocalDate on) {
        ObjectNode d = MAPPER.createObjectNode().put("dealId", dealId.toString()).put("arrivalId", nextId().toString())
                .put("orgUnit", orgUnit).put("amount", amount).put("source", source).put("arrivedTotal", arrivedTotal)
                .put("contractAmount", contract).put("effectiveDate", on.toString());
        return event("investment", "funds-arrived", recorded, dealId.toString(), orgUnit, d);
    }

    public CloudEvent contractAmended(Instant recorded, UUID dealId, String orgUnit, BigDecimal previous,
                                      BigDecimal amount, LocalDate on) {
        ObjectNode d = MAPPER.createObjectNode().put("dealId", dealId.toString()).put("orgUnit", orgUnit)
                .put("previousAmount", previous).put("newAmount", amount).put("sizeClass", dealSizeClass(amount))
                .put("reason", "补充协议调整投资额").put("effectiveDate", on.toString());
        return event("investment", "contract-amended", recorded, dealId.toString(), orgUnit, d);
    }

    /** A month's fixed-asset investment; {@code previous} set makes it a correction. */
    public CloudEvent fixedAssetInvestment(Instant recorded, String orgUnit, YearMonth month, BigDecimal amount,
                                           BigDecimal previous, BigDecimal sameMonthLastYear, LocalDate submittedOn) {
        ObjectNode d = MAPPER.createObjectNode().put("orgUnit", orgUnit).put("month", month.toString())
                .put("amount", amount);
        money(d, "previousAmount", previous);
        money(d, "sameMonthLastYear", sameMonthLastYear);
        if (sameMonthLastYear == null || sameMonthLastYear.signum() == 0) {
            d.putNull("yoyGrowthPercent");
        } else {
            d.put("yoyGrowthPercent", amount.subtract(sameMonthLastYear).multiply(BigDecimal.valueOf(100))
                    .divide(sameMonthLastYear, 1, java.math.RoundingMode.HALF_UP));
        }
        d.put("submittedOn", submittedOn.toString()).put("effectiveDate", month.atEndOfMonth().toString());
        return event("investment", previous == null ? "fixed-asset-investment-reported" : "fixed-asset-investment-corrected",
                recorded, orgUnit + "/" + month, orgUnit, d);
    }

    // ---- livelihood (programmes, assistance, employment, HotlineEvents) -------------------------

    public CloudEvent programmeCreated(Instant recorded, UUID programmeId, String code, String name, String category,
                                       String orgUnit, int year, String unit, BigDecimal planned, LocalDate adoptedOn) {
        ObjectNode d = MAPPER.createObjectNode().put("programmeId", programmeId.toString()).put("code", code)
                .put("name", name).put("category", category).put("orgUnit", orgUnit).put("year", year)
                .put("unit", unit).put("plannedQuantity", planned).put("effectiveDate", adoptedOn.toString());
        return event("livelihood", "programme-created", recorded, programmeId.toString(), orgUnit, d);
    }

    /** A month's progress; {@code previous} set makes it a correction. */
    public CloudEvent programmeProgress(Instant recorded, UUID programmeId, String code, String orgUnit,
                                        String category, String unit, YearMonth month, BigDecimal quantity,
                                        BigDecimal previous, BigDecimal completedToDate, BigDecimal planned,
                                        LocalDate submittedOn) {
        ObjectNode d = MAPPER.createObjectNode().put("programmeId", programmeId.toString()).put("code", code)
                .put("orgUnit", orgUnit).put("category", category).put("unit", unit).put("month", month.toString())
                .put("quantity", quantity);
        money(d, "previousQuantity", previous);
        d.put("completedToDate", completedToDate).put("plannedQuantity", planned);
        var warnings = d.putArray("dataQualityWarnings");
        if (completedToDate.compareTo(planned) > 0) {
            warnings.add("OVER_DELIVERED");
        }
        d.put("submittedOn", submittedOn.toString()).put("effectiveDate", month.atEndOfMonth().toString());
        return event("livelihood", previous == null ? "programme-progress-reported" : "programme-progress-corrected",
                recorded, programmeId.toString(), orgUnit, d);
    }

    /** A month's assistance in one category; {@code previousAmount} set makes it a correction. */
    public CloudEvent assistance(Instant recorded, String orgUnit, YearMonth month, String category, BigDecimal amount,
                                 int times, BigDecimal previousAmount, Integer previousTimes, LocalDate submittedOn) {
        ObjectNode d = MAPPER.createObjectNode().put("orgUnit", orgUnit).put("month", month.toString())
                .put("category", category).put("amount", amount).put("beneficiaryTimes", times);
        money(d, "previousAmount", previousAmount);
        if (previousTimes == null) {
            d.putNull("previousBeneficiaryTimes");
        } else {
            d.put("previousBeneficiaryTimes", previousTimes);
        }
        d.put("submittedOn", submittedOn.toString()).put("effectiveDate", month.atEndOfMonth().toString());
        return event("livelihood", previousAmount == null ? "assistance-reported" : "assistance-corrected",
                recorded, orgUnit + "/" + month + "/" + category, orgUnit, d);
    }

    /** A month's employment figures; {@code previousJobs} set makes it a correction. */
    public CloudEvent employment(Instant recorded, String orgUnit, YearMonth month, int newUrbanJobs,
                                 BigDecimal unemploymentRate, int graduates, int veterans, Integer previousJobs,
                                 LocalDate submittedOn) {
        ObjectNode d = MAPPER.createObjectNode().put("orgUnit", orgUnit).put("month", month.toString());
        employmentFigures(d.putObject("figures"), newUrbanJobs, unemploymentRate, graduates, veterans);
        if (previousJobs == null) {
            d.putNull("previous");
        } else {
            employmentFigures(d.putObject("previous"), previousJobs, unemploymentRate, graduates, veterans);
        }
        d.put("submittedOn", submittedOn.toString()).put("effectiveDate", month.atEndOfMonth().toString());
        return event("livelihood", previousJobs == null ? "employment-reported" : "employment-corrected",
                recorded, orgUnit + "/" + month, orgUnit, d);
    }

    private static void employmentFigures(ObjectNode f, int jobs, BigDecimal rate, int graduates, int veterans) {
        f.put("newUrbanJobs", jobs);
        money(f, "registeredUnemploymentRate", rate);
        f.put("graduatePlacements", graduates).put("veteranPlacements", veterans);
    }

    public CloudEvent caseReceived(Instant recorded, String caseNumber, String orgUnit, String type, boolean proactive,
                                   Instant receivedAt, Instant responseDueAt, Instant dueAt) {
        ObjectNode d = hotline(caseNumber, orgUnit, type).put("proactive", proactive)
                .put("receivedAt", timestamp(receivedAt)).put("responseDueAt", timestamp(responseDueAt))
                .put("dueAt", timestamp(dueAt)).put("effectiveDate", day(receivedAt).toString());
        return event("livelihood", "hotline-case-received", recorded, caseNumber, orgUnit, d);
    }

    public CloudEvent caseAccepted(Instant recorded, String caseNumber, String orgUnit, String type, Instant at,
                                   boolean onTime) {
        ObjectNode d = hotline(caseNumber, orgUnit, type).put("acceptedAt", timestamp(at)).put("onTime", onTime)
                .put("effectiveDate", day(at).toString());
        return event("livelihood", "hotline-case-accepted", recorded, caseNumber, orgUnit, d);
    }

    public CloudEvent caseResolved(Instant recorded, String caseNumber, String orgUnit, String type, Instant at,
                                   boolean solved, boolean onTime, int reworkCount) {
        ObjectNode d = hotline(caseNumber, orgUnit, type).put("resolvedAt", timestamp(at)).put("solved", solved)
                .put("onTime", onTime).put("reworkCount", reworkCount).put("effectiveDate", day(at).toString());
        return event("livelihood", "hotline-case-resolved", recorded, caseNumber, orgUnit, d);
    }

    /** feedback: SATISFIED, BASICALLY_SATISFIED, UNSATISFIED or NO_ANSWER. */
    public CloudEvent caseFeedback(Instant recorded, String caseNumber, String orgUnit, String type, String feedback,
                                   Instant at) {
        ObjectNode d = hotline(caseNumber, orgUnit, type).put("feedback", feedback)
                .put("satisfied", feedback.equals("SATISFIED") || feedback.equals("BASICALLY_SATISFIED"))
                .put("valid", !feedback.equals("NO_ANSWER")).put("feedbackAt", timestamp(at))
                .put("effectiveDate", day(at).toString());
        return event("livelihood", "hotline-case-feedback-recorded", recorded, caseNumber, orgUnit, d);
    }

    public CloudEvent caseSentBack(Instant recorded, String caseNumber, String orgUnit, String type, int reworkCount,
                                   Instant at) {
        ObjectNode d = hotline(caseNumber, orgUnit, type).put("reason", "群众对办理结果不满意,发回重办")
                .put("reworkCount", reworkCount).put("sentBackAt", timestamp(at)).put("effectiveDate", day(at).toString());
        return event("livelihood", "hotline-case-sent-back", recorded, caseNumber, orgUnit, d);
    }

    public CloudEvent caseEscalated(Instant recorded, String caseNumber, String orgUnit, String type, int reworkCount,
                                    Instant at) {
        ObjectNode d = hotline(caseNumber, orgUnit, type).put("reworkCount", reworkCount)
                .put("effectiveDate", day(at).toString());
        return event("livelihood", "hotline-case-escalated", recorded, caseNumber, orgUnit, d);
    }

    // ---- safety inspection (SafetyEvents) -------------------------------------------------------

    public CloudEvent inspectionRecorded(Instant recorded, UUID inspectionId, String orgUnit, String domain,
                                         String placeType, String placeName, boolean withExperts, int hazardsFound,
                                         LocalDate inspectedOn) {
        ObjectNode d = MAPPER.createObjectNode().put("inspectionId", inspectionId.toString()).put("orgUnit", orgUnit)
                .put("domain", domain).put("placeType", placeType).put("placeName", placeName)
                .put("withExperts", withExperts).putNull("projectCode").putNull("penaltiesIssued")
                .putNull("penaltyAmount").put("hazardsFound", hazardsFound).put("effectiveDate", inspectedOn.toString());
        return event("safety-inspection", "inspection-recorded", recorded, inspectionId.toString(), orgUnit, d);
    }

    public CloudEvent hazardFound(Instant recorded, UUID hazardId, UUID inspectionId, String orgUnit, String domain,
                                  String placeType, String severity, String description, LocalDate deadline,
                                  LocalDate foundOn) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId.toString())
                .put("inspectionId", inspectionId.toString()).put("orgUnit", orgUnit).put("domain", domain)
                .put("placeType", placeType).put("severity", severity).put("description", description)
                .put("deadline", deadline.toString()).put("effectiveDate", foundOn.toString());
        return event("safety-inspection", "hazard-found", recorded, hazardId.toString(), orgUnit, d);
    }

    public CloudEvent hazardRectified(Instant recorded, UUID hazardId, String orgUnit, String severity,
                                      LocalDate deadline, LocalDate on) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId.toString()).put("orgUnit", orgUnit)
                .put("severity", severity).put("measures", "已按要求整改完毕").put("deadline", deadline.toString())
                .put("onTime", !on.isAfter(deadline)).put("effectiveDate", on.toString());
        return event("safety-inspection", "hazard-rectified", recorded, hazardId.toString(), orgUnit, d);
    }

    public CloudEvent hazardVerified(Instant recorded, UUID hazardId, String orgUnit, String severity, boolean passed,
                                     LocalDate on) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId.toString()).put("orgUnit", orgUnit)
                .put("severity", severity).put("passed", passed).put("status", passed ? "CLOSED" : "OPEN")
                .putNull("note").put("effectiveDate", on.toString());
        return event("safety-inspection", "hazard-verified", recorded, hazardId.toString(), orgUnit, d);
    }

    public CloudEvent extensionRequested(Instant recorded, UUID hazardId, UUID extensionId, String orgUnit,
                                         LocalDate current, LocalDate requested, LocalDate on) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId.toString())
                .put("extensionId", extensionId.toString()).put("orgUnit", orgUnit)
                .put("currentDeadline", current.toString()).put("requestedDeadline", requested.toString())
                .put("reason", "整改工程量大,需延期").put("effectiveDate", on.toString());
        return event("safety-inspection", "deadline-extension-requested", recorded, hazardId.toString(), orgUnit, d);
    }

    public CloudEvent extensionDecided(Instant recorded, UUID hazardId, UUID extensionId, String orgUnit,
                                       boolean approved, LocalDate previous, LocalDate deadline, LocalDate on) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId.toString())
                .put("extensionId", extensionId.toString()).put("orgUnit", orgUnit).put("approved", approved)
                .put("previousDeadline", previous.toString()).put("deadline", deadline.toString()).putNull("note")
                .put("effectiveDate", on.toString());
        return event("safety-inspection", "deadline-extension-decided", recorded, hazardId.toString(), orgUnit, d);
    }

    public CloudEvent hazardListed(Instant recorded, UUID hazardId, String orgUnit, String severity, LocalDate on) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId.toString()).put("orgUnit", orgUnit)
                .put("severity", severity).put("supervisingUnit", "市安全生产委员会").put("effectiveDate", on.toString());
        return event("safety-inspection", "hazard-listed", recorded, hazardId.toString(), orgUnit, d);
    }

    /** Emitted by the safety service's overdue job on the first day past the deadline in force. */
    public CloudEvent hazardOverdue(Instant recorded, UUID hazardId, String orgUnit, String domain, String severity,
                                    LocalDate deadline, boolean listed) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId.toString()).put("orgUnit", orgUnit)
                .put("domain", domain).put("severity", severity).put("deadline", deadline.toString())
                .put("listed", listed).put("effectiveDate", deadline.plusDays(1).toString());
        return event("safety-inspection", "hazard-overdue", recorded, hazardId.toString(), orgUnit, d);
    }

    // ---- plumbing -------------------------------------------------------------------------------

    /** The record value: the payload as the services serialise it. */
    public static byte[] payload(CloudEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload of " + event.type() + " cannot be written", e);
        }
    }

    /** A random (version 4) UUID from the seeded stream: ids of aggregates and events repeat with the seed. */
    public UUID nextId() {
        long most = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long least = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    public static String projectSizeClass(BigDecimal total) {
        if (total.compareTo(BILLION) >= 0) {
            return "OVER_1B";
        }
        if (total.compareTo(HUNDRED_MILLION) >= 0) {
            return "OVER_100M";
        }
        return total.compareTo(KEY_PROJECT) >= 0 ? "KEY" : "BELOW_KEY";
    }

    static String dealSizeClass(BigDecimal contract) {
        return contract.compareTo(BILLION) >= 0 ? "OVER_1B"
                : contract.compareTo(HUNDRED_MILLION) >= 0 ? "OVER_100M" : "BELOW_100M";
    }

    static String timestamp(Instant at) {
        return TIMESTAMP.format(at.atZone(BusinessTime.ZONE).toOffsetDateTime());
    }

    static LocalDate day(Instant at) {
        return at.atZone(BusinessTime.ZONE).toLocalDate();
    }

    private static ObjectNode project(UUID projectId, String code) {
        return MAPPER.createObjectNode().put("projectId", projectId.toString()).put("code", code);
    }

    private static ObjectNode hotline(String caseNumber, String orgUnit, String type) {
        return MAPPER.createObjectNode().put("caseNumber", caseNumber).put("orgUnit", orgUnit).put("type", type);
    }

    private static void money(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static void month(ObjectNode node, String field, YearMonth value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }

    private static void date(ObjectNode node, String field, LocalDate value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }

    private CloudEvent event(String service, String name, Instant recorded, String subject, String orgUnit,
                             ObjectNode data) {
        Actor actor = actorOf(service, name, orgUnit);
        return new CloudEvent(nextId(), Topics.source(service), Topics.eventType(service, name, 1),
                OffsetDateTime.ofInstant(recorded, ZoneOffset.UTC), subject, orgUnit, actor.name(), actor.id(), data);
    }

    /** As the services would record it: the unit's clerk, or the service itself for what its jobs decide. */
    private static Actor actorOf(String service, String name, String orgUnit) {
        if (name.equals("hazard-overdue")) {
            return Actor.system("citykpi-" + service);
        }
        String clerk = "clerk-" + orgUnit;
        return new Actor(UUID.nameUUIDFromBytes(clerk.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), clerk);
    }
}
