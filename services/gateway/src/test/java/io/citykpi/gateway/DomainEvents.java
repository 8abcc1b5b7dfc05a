package io.citykpi.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citykpi.gateway.facts.Fact;
import io.citykpi.shared.event.CloudEvent;
import io.citykpi.shared.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds CloudEvents exactly as the domain services publish them (payloads as in docs/asyncapi.yaml),
 * for unit tests of the KPI arithmetic (as facts) and for feeding the real broker.
 * Each event is recorded (ce_time) at 18:00 Shanghai time of its effective date, unless
 * {@link #recordedAt} says otherwise for the next event or {@link #recordedNow} for all of them.
 */
public final class DomainEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger PROJECT_CODES = new AtomicInteger();

    private OffsetDateTime nextRecordedAt;
    private long sequence;
    private boolean recordedNow;

    /** Events recorded at the moment they are built, as a live service records them. */
    public static DomainEvents recordedNow() {
        DomainEvents events = new DomainEvents();
        events.recordedNow = true;
        return events;
    }

    /** The next event is recorded at this moment (a late report, a correction weeks later). */
    public DomainEvents recordedAt(OffsetDateTime at) {
        nextRecordedAt = at;
        return this;
    }

    public static OffsetDateTime shanghai(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(BusinessTime.ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    public static Fact fact(CloudEvent event, long sequence) {
        return new Fact(event.id(), event.type(), event.source(), event.subject(), event.orgUnit(),
                LocalDate.parse(event.data().get("effectiveDate").asText()), event.time(), sequence, event.data());
    }

    public Fact fact(CloudEvent event) {
        return fact(event, ++sequence);
    }

    // ---- projects ------------------------------------------------------------------------------

    public CloudEvent projectRegistered(String projectId, String code, String orgUnit, String totalInvestment,
                                        String stage, LocalDate effective) {
        BigDecimal total = new BigDecimal(totalInvestment);
        ObjectNode d = project(projectId, code, orgUnit)
                .put("name", "项目 " + code).put("sector", "EQUIPMENT").put("constructionType", "NEW")
                .put("totalInvestment", total).put("sizeClass", sizeClass(total)).put("stage", stage)
                .putNull("leadUnit").putNull("location")
                .put("effectiveDate", effective.toString());
        return event("projects", "project-registered", projectId, orgUnit, d, effective);
    }

    /** A new key project's registration: a fresh id and code, at the planning stage. */
    public CloudEvent newProject(String orgUnit, String totalInvestment, LocalDate effective) {
        return projectRegistered(UUID.randomUUID().toString(), "GW-" + PROJECT_CODES.incrementAndGet(), orgUnit, totalInvestment,
                "PLANNED", effective);
    }

    public CloudEvent projectMoved(String projectId, String code, String from, String to, LocalDate effective) {
        ObjectNode d = project(projectId, code, to).put("sizeClass", "KEY");
        ObjectNode change = d.putObject("changes").putObject("orgUnit");
        change.put("from", from).put("to", to);
        d.put("effectiveDate", effective.toString());
        return event("projects", "project-updated", projectId, to, d, effective);
    }

    public CloudEvent totalInvestmentChanged(String projectId, String code, String orgUnit, String from, String to,
                                             LocalDate effective) {
        ObjectNode d = project(projectId, code, orgUnit).put("sizeClass", sizeClass(new BigDecimal(to)));
        ObjectNode change = d.putObject("changes").putObject("totalInvestment");
        change.put("from", new BigDecimal(from)).put("to", new BigDecimal(to));
        d.put("effectiveDate", effective.toString());
        return event("projects", "project-updated", projectId, orgUnit, d, effective);
    }

    public CloudEvent stageChanged(String projectId, String code, String orgUnit, String from, String to,
                                   LocalDate effective) {
        ObjectNode d = project(projectId, code, orgUnit).put("fromStage", from).put("toStage", to)
                .putNull("note").put("effectiveDate", effective.toString());
        return event("projects", "project-stage-changed", projectId, orgUnit, d, effective);
    }

    public CloudEvent planSet(String projectId, String code, String orgUnit, int year, String planned,
                              YearMonth startMonth, LocalDate effective) {
        ObjectNode d = project(projectId, code, orgUnit).put("year", year);
        ObjectNode plan = d.putObject("plan").put("plannedInvestment", new BigDecimal(planned));
        if (startMonth == null) {
            plan.putNull("plannedStartMonth");
        } else {
            plan.put("plannedStartMonth", startMonth.toString());
        }
        plan.putNull("plannedCompletionMonth").putNull("plannedProductionMonth").putNull("monthlyInvestment");
        d.putNull("previous").put("effectiveDate", effective.toString());
        return event("projects", "project-plan-set", projectId, orgUnit, d, effective);
    }

    public CloudEvent statRegistered(String projectId, String code, String orgUnit, LocalDate effective,
                                     LocalDate previous) {
        ObjectNode d = project(projectId, code, orgUnit).put("effectiveDate", effective.toString());
        if (previous == null) {
            d.putNull("previousEffectiveDate");
        } else {
            d.put("previousEffectiveDate", previous.toString());
        }
        return event("projects", "project-statistically-registered", projectId, orgUnit, d, effective);
    }

    public CloudEvent investmentReported(String projectId, String code, String orgUnit, YearMonth month, String amount,
                                         String previousAmount, String cumulative) {
        ObjectNode d = project(projectId, code, orgUnit).put("month", month.toString())
                .put("amount", new BigDecimal(amount));
        if (previousAmount == null) {
            d.putNull("previousAmount");
        } else {
            d.put("previousAmount", new BigDecimal(previousAmount));
        }
        d.put("cumulativeAmount", new BigDecimal(cumulative)).put("totalInvestment", new BigDecimal("100000"));
        d.putArray("dataQualityWarnings");
        d.put("submittedOn", submitted(month));
        d.put("effectiveDate", month.atEndOfMonth().toString());
        return event("projects", previousAmount == null ? "project-investment-reported" : "project-investment-corrected",
                projectId, orgUnit, d, month.atEndOfMonth());
    }

    // ---- investment ----------------------------------------------------------------------------

    public CloudEvent dealSigned(String dealId, String orgUnit, String amount, LocalDate effective) {
        BigDecimal contract = new BigDecimal(amount);
        ObjectNode d = MAPPER.createObjectNode().put("dealId", dealId).put("name", "签约项目 " + dealId.substring(0, 8))
                .put("investor", "某投资方").put("investorOrigin", "浙江").put("orgUnit", orgUnit)
                .put("sector", "NEW_MATERIALS").put("contractAmount", contract)
                .put("sizeClass", contract.compareTo(new BigDecimal("100000")) >= 0 ? "OVER_1B"
                        : contract.compareTo(new BigDecimal("10000")) >= 0 ? "OVER_100M" : "BELOW_100M")
                .putNull("leadUnit").putNull("projectCode").put("effectiveDate", effective.toString());
        return event("investment", "deal-signed", dealId, orgUnit, d, effective);
    }

    public CloudEvent dealStatusChanged(String dealId, String orgUnit, String from, String to, LocalDate effective) {
        ObjectNode d = MAPPER.createObjectNode().put("dealId", dealId).put("orgUnit", orgUnit).put("fromStatus", from)
                .put("toStatus", to).putNull("note").put("effectiveDate", effective.toString());
        return event("investment", "deal-status-changed", dealId, orgUnit, d, effective);
    }

    public CloudEvent fundsArrived(String dealId, String orgUnit, String amount, String arrivedTotal, String contract,
                                   LocalDate effective) {
        ObjectNode d = MAPPER.createObjectNode().put("dealId", dealId).put("arrivalId", UUID.randomUUID().toString())
                .put("orgUnit", orgUnit).put("amount", new BigDecimal(amount)).put("source", "DOMESTIC")
                .put("arrivedTotal", new BigDecimal(arrivedTotal)).put("contractAmount", new BigDecimal(contract))
                .put("effectiveDate", effective.toString());
        return event("investment", "funds-arrived", dealId, orgUnit, d, effective);
    }

    public CloudEvent contractAmended(String dealId, String orgUnit, String previous, String amount, LocalDate effective) {
        BigDecimal contract = new BigDecimal(amount);
        ObjectNode d = MAPPER.createObjectNode().put("dealId", dealId).put("orgUnit", orgUnit)
                .put("previousAmount", new BigDecimal(previous)).put("newAmount", contract)
                .put("sizeClass", contract.compareTo(new BigDecimal("10000")) >= 0 ? "OVER_100M" : "BELOW_100M")
                .put("reason", "补充协议").put("effectiveDate", effective.toString());
        return event("investment", "contract-amended", dealId, orgUnit, d, effective);
    }

    public CloudEvent fixedAssetInvestment(String orgUnit, YearMonth month, String amount, String previous,
                                           String sameMonthLastYear) {
        ObjectNode d = MAPPER.createObjectNode().put("orgUnit", orgUnit).put("month", month.toString())
                .put("amount", new BigDecimal(amount));
        if (previous == null) {
            d.putNull("previousAmount");
        } else {
            d.put("previousAmount", new BigDecimal(previous));
        }
        if (sameMonthLastYear == null) {
            d.putNull("sameMonthLastYear").putNull("yoyGrowthPercent");
        } else {
            d.put("sameMonthLastYear", new BigDecimal(sameMonthLastYear)).putNull("yoyGrowthPercent");
        }
        d.put("submittedOn", submitted(month));
        d.put("effectiveDate", month.atEndOfMonth().toString());
        return event("investment", previous == null ? "fixed-asset-investment-reported" : "fixed-asset-investment-corrected",
                orgUnit + "/" + month, orgUnit, d, month.atEndOfMonth());
    }

    // ---- livelihood ----------------------------------------------------------------------------

    public CloudEvent programmeCreated(String programmeId, String code, String orgUnit, String category, String unit,
                                       int year, String planned, LocalDate effective) {
        ObjectNode d = MAPPER.createObjectNode().put("programmeId", programmeId).put("code", code)
                .put("name", "民生实事 " + code).put("category", category).put("orgUnit", orgUnit).put("year", year)
                .put("unit", unit).put("plannedQuantity", new BigDecimal(planned))
                .put("effectiveDate", effective.toString());
        return event("livelihood", "programme-created", programmeId, orgUnit, d, effective);
    }

    public CloudEvent programmeProgress(String programmeId, String code, String orgUnit, String category, String unit,
                                        YearMonth month, String quantity, String previous, String completedToDate,
                                        String planned) {
        ObjectNode d = MAPPER.createObjectNode().put("programmeId", programmeId).put("code", code)
                .put("orgUnit", orgUnit).put("category", category).put("unit", unit).put("month", month.toString())
                .put("quantity", new BigDecimal(quantity));
        if (previous == null) {
            d.putNull("previousQuantity");
        } else {
            d.put("previousQuantity", new BigDecimal(previous));
        }
        d.put("completedToDate", new BigDecimal(completedToDate)).put("plannedQuantity", new BigDecimal(planned));
        d.putArray("dataQualityWarnings");
        d.put("submittedOn", submitted(month));
        d.put("effectiveDate", month.atEndOfMonth().toString());
        return event("livelihood", previous == null ? "programme-progress-reported" : "programme-progress-corrected",
                programmeId, orgUnit, d, month.atEndOfMonth());
    }

    public CloudEvent assistance(String orgUnit, YearMonth month, String category, String amount, int times,
                                 String previousAmount, Integer previousTimes) {
        ObjectNode d = MAPPER.createObjectNode().put("orgUnit", orgUnit).put("month", month.toString())
                .put("category", category).put("amount", new BigDecimal(amount)).put("beneficiaryTimes", times);
        if (previousAmount == null) {
            d.putNull("previousAmount").putNull("previousBeneficiaryTimes");
        } else {
            d.put("previousAmount", new BigDecimal(previousAmount)).put("previousBeneficiaryTimes", previousTimes);
        }
        d.put("submittedOn", submitted(month));
        d.put("effectiveDate", month.atEndOfMonth().toString());
        return event("livelihood", previousAmount == null ? "assistance-reported" : "assistance-corrected",
                orgUnit + "/" + month + "/" + category, orgUnit, d, month.atEndOfMonth());
    }

    public CloudEvent employment(String orgUnit, YearMonth month, int newUrbanJobs, Integer previousJobs) {
        ObjectNode d = MAPPER.createObjectNode().put("orgUnit", orgUnit).put("month", month.toString());
        figures(d.putObject("figures"), newUrbanJobs);
        if (previousJobs == null) {
            d.putNull("previous");
        } else {
            figures(d.putObject("previous"), previousJobs);
        }
        d.put("submittedOn", submitted(month));
        d.put("effectiveDate", month.atEndOfMonth().toString());
        return event("livelihood", previousJobs == null ? "employment-reported" : "employment-corrected",
                orgUnit + "/" + month, orgUnit, d, month.atEndOfMonth());
    }

    private static void figures(ObjectNode f, int jobs) {
        f.put("newUrbanJobs", jobs).putNull("registeredUnemploymentRate").put("graduatePlacements", 0)
                .put("veteranPlacements", 0);
    }

    public CloudEvent caseReceived(String caseNumber, String orgUnit, OffsetDateTime receivedAt,
                                   OffsetDateTime responseDueAt, OffsetDateTime dueAt) {
        LocalDate day = receivedAt.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        ObjectNode d = MAPPER.createObjectNode().put("caseNumber", caseNumber).put("orgUnit", orgUnit)
                .put("type", "COMPLAINT").put("proactive", false).put("receivedAt", receivedAt.toString())
                .put("responseDueAt", responseDueAt.toString()).put("dueAt", dueAt.toString())
                .put("effectiveDate", day.toString());
        return event("livelihood", "hotline-case-received", caseNumber, orgUnit, d, day);
    }

    public CloudEvent caseAccepted(String caseNumber, String orgUnit, OffsetDateTime at, boolean onTime) {
        LocalDate day = at.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        ObjectNode d = MAPPER.createObjectNode().put("caseNumber", caseNumber).put("orgUnit", orgUnit)
                .put("type", "COMPLAINT").put("acceptedAt", at.toString()).put("onTime", onTime)
                .put("effectiveDate", day.toString());
        return event("livelihood", "hotline-case-accepted", caseNumber, orgUnit, d, day);
    }

    public CloudEvent caseResolved(String caseNumber, String orgUnit, OffsetDateTime at, boolean solved, boolean onTime) {
        LocalDate day = at.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        ObjectNode d = MAPPER.createObjectNode().put("caseNumber", caseNumber).put("orgUnit", orgUnit)
                .put("type", "COMPLAINT").put("resolvedAt", at.toString()).put("solved", solved).put("onTime", onTime)
                .put("reworkCount", 0).put("effectiveDate", day.toString());
        return event("livelihood", "hotline-case-resolved", caseNumber, orgUnit, d, day);
    }

    public CloudEvent caseFeedback(String caseNumber, String orgUnit, OffsetDateTime at, String feedback) {
        LocalDate day = at.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        ObjectNode d = MAPPER.createObjectNode().put("caseNumber", caseNumber).put("orgUnit", orgUnit)
                .put("type", "COMPLAINT").put("feedback", feedback)
                .put("satisfied", feedback.equals("SATISFIED") || feedback.equals("BASICALLY_SATISFIED"))
                .put("valid", !feedback.equals("NO_ANSWER")).put("feedbackAt", at.toString())
                .put("effectiveDate", day.toString());
        return event("livelihood", "hotline-case-feedback-recorded", caseNumber, orgUnit, d, day);
    }

    public CloudEvent caseSentBack(String caseNumber, String orgUnit, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        ObjectNode d = MAPPER.createObjectNode().put("caseNumber", caseNumber).put("orgUnit", orgUnit)
                .put("type", "COMPLAINT").put("reason", "群众不满意").put("reworkCount", 1)
                .put("sentBackAt", at.toString()).put("effectiveDate", day.toString());
        return event("livelihood", "hotline-case-sent-back", caseNumber, orgUnit, d, day);
    }

    // ---- safety inspection ---------------------------------------------------------------------

    public CloudEvent inspection(String inspectionId, String orgUnit, int hazardsFound, LocalDate effective) {
        ObjectNode d = MAPPER.createObjectNode().put("inspectionId", inspectionId).put("orgUnit", orgUnit)
                .put("domain", "GAS").put("placeType", "RESIDENTIAL").put("placeName", "小区 " + inspectionId.substring(0, 4))
                .put("withExperts", true).putNull("projectCode").putNull("penaltiesIssued").putNull("penaltyAmount")
                .put("hazardsFound", hazardsFound).put("effectiveDate", effective.toString());
        return event("safety-inspection", "inspection-recorded", inspectionId, orgUnit, d, effective);
    }

    public CloudEvent hazardFound(String hazardId, String inspectionId, String orgUnit, String severity,
                                  LocalDate deadline, LocalDate effective) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId).put("inspectionId", inspectionId)
                .put("orgUnit", orgUnit).put("domain", "GAS").put("placeType", "RESIDENTIAL").put("severity", severity)
                .put("description", "燃气管道锈蚀").put("deadline", deadline.toString())
                .put("effectiveDate", effective.toString());
        return event("safety-inspection", "hazard-found", hazardId, orgUnit, d, effective);
    }

    public CloudEvent hazardRectified(String hazardId, String orgUnit, String severity, LocalDate deadline,
                                      LocalDate effective) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId).put("orgUnit", orgUnit)
                .put("severity", severity).put("measures", "更换管道").put("deadline", deadline.toString())
                .put("onTime", !effective.isAfter(deadline)).put("effectiveDate", effective.toString());
        return event("safety-inspection", "hazard-rectified", hazardId, orgUnit, d, effective);
    }

    public CloudEvent hazardVerified(String hazardId, String orgUnit, String severity, boolean passed, LocalDate effective) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId).put("orgUnit", orgUnit)
                .put("severity", severity).put("passed", passed).put("status", passed ? "CLOSED" : "OPEN")
                .putNull("note").put("effectiveDate", effective.toString());
        return event("safety-inspection", "hazard-verified", hazardId, orgUnit, d, effective);
    }

    public CloudEvent hazardListed(String hazardId, String orgUnit, LocalDate effective) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId).put("orgUnit", orgUnit).put("severity", "MAJOR")
                .put("supervisingUnit", "市安委会").put("effectiveDate", effective.toString());
        return event("safety-inspection", "hazard-listed", hazardId, orgUnit, d, effective);
    }

    public CloudEvent extensionDecided(String hazardId, String orgUnit, LocalDate previous, LocalDate deadline,
                                       LocalDate effective) {
        ObjectNode d = MAPPER.createObjectNode().put("hazardId", hazardId).put("extensionId", UUID.randomUUID().toString())
                .put("orgUnit", orgUnit).put("approved", true).put("previousDeadline", previous.toString())
                .put("deadline", deadline.toString()).putNull("note").put("effectiveDate", effective.toString());
        return event("safety-inspection", "deadline-extension-decided", hazardId, orgUnit, d, effective);
    }

    // ---- plumbing ------------------------------------------------------------------------------

    /** A monthly report is submitted on the day it is recorded (Asia/Shanghai), unless a test says otherwise. */
    private String submitted(YearMonth month) {
        OffsetDateTime recorded = nextRecordedAt != null ? nextRecordedAt : shanghai(month.atEndOfMonth(), 18);
        return recorded.atZoneSameInstant(BusinessTime.ZONE).toLocalDate().toString();
    }

    private static ObjectNode project(String projectId, String code, String orgUnit) {
        return MAPPER.createObjectNode().put("projectId", projectId).put("code", code).put("orgUnit", orgUnit);
    }

    private static String sizeClass(BigDecimal total) {
        if (total.compareTo(new BigDecimal("100000")) >= 0) {
            return "OVER_1B";
        }
        if (total.compareTo(new BigDecimal("10000")) >= 0) {
            return "OVER_100M";
        }
        return total.compareTo(new BigDecimal("500")) >= 0 ? "KEY" : "BELOW_KEY";
    }

    private CloudEvent event(String service, String name, String subject, String orgUnit, ObjectNode data,
                             LocalDate effective) {
        OffsetDateTime recorded = nextRecordedAt != null ? nextRecordedAt
                : recordedNow ? OffsetDateTime.now(ZoneOffset.UTC) : shanghai(effective, 18);
        nextRecordedAt = null;
        return new CloudEvent(UUID.randomUUID(), "/citykpi/" + service, "citykpi." + service + "." + name + ".v1",
                recorded, subject, orgUnit, data);
    }
}
