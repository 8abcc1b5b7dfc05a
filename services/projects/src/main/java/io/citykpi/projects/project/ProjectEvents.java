package io.citykpi.projects.project;

import io.citykpi.shared.sector.Sector;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payloads of the events on {@code citykpi.projects.v1}. They are public API (docs/asyncapi.yaml):
 * add optional fields freely, anything else needs a new version. Every payload names the project
 * (id, code, org unit) and the business date the fact belongs to ({@code effectiveDate}).
 */
public final class ProjectEvents {

    public static final String REGISTERED = "project-registered";
    public static final String UPDATED = "project-updated";
    public static final String STAGE_CHANGED = "project-stage-changed";
    public static final String PLAN_SET = "project-plan-set";
    public static final String STATISTICALLY_REGISTERED = "project-statistically-registered";
    public static final String INVESTMENT_REPORTED = "project-investment-reported";
    public static final String INVESTMENT_CORRECTED = "project-investment-corrected";

    private ProjectEvents() {
    }

    /** effectiveDate = the day it entered the register; stage = the stage it entered in. */
    public record ProjectRegistered(UUID projectId, String code, String name, String orgUnit, Sector sector,
                                    ConstructionType constructionType, BigDecimal totalInvestment,
                                    SizeClass sizeClass, ProjectStage stage, String leadUnit, String location,
                                    LocalDate effectiveDate) {

        public static ProjectRegistered of(Project p) {
            return new ProjectRegistered(p.id, p.code, p.name, p.orgUnit, p.sector, p.constructionType,
                    p.totalInvestment, p.sizeClass(), p.stage, p.leadUnit, p.location, p.registeredOn);
        }
    }

    /** Register data edited; {@code changes} maps each changed field to its old and new value. */
    public record ProjectUpdated(UUID projectId, String code, String orgUnit, SizeClass sizeClass,
                                 Map<String, Change> changes, LocalDate effectiveDate) {
    }

    public record Change(Object from, Object to) {
    }

    /** fromStage is null for the stage a project entered the register in (never published on its own). */
    public record ProjectStageChanged(UUID projectId, String code, String orgUnit, ProjectStage fromStage,
                                      ProjectStage toStage, String note, LocalDate effectiveDate) {
    }

    /** A year's plan set or replaced; {@code previous} is the plan it replaced, if any. */
    public record ProjectPlanSet(UUID projectId, String code, String orgUnit, int year, Plan plan, Plan previous,
                                 LocalDate effectiveDate) {
    }

    public record Plan(BigDecimal plannedInvestment, YearMonth plannedStartMonth, YearMonth plannedCompletionMonth,
                       YearMonth plannedProductionMonth, List<BigDecimal> monthlyInvestment) {
    }

    /** effectiveDate = the registration date; previousEffectiveDate is set when it corrects an earlier date. */
    public record ProjectStatisticallyRegistered(UUID projectId, String code, String orgUnit, LocalDate effectiveDate,
                                                 LocalDate previousEffectiveDate) {
    }

    /**
     * First report of a month (previousAmount null) or a correction of it. effectiveDate is the last
     * day of the month the investment was completed in; cumulativeAmount is over every reported month.
     */
    public record ProjectInvestmentReported(UUID projectId, String code, String orgUnit, YearMonth month,
                                            BigDecimal amount, BigDecimal previousAmount, BigDecimal cumulativeAmount,
                                            BigDecimal totalInvestment, List<String> dataQualityWarnings,
                                            LocalDate submittedOn, LocalDate effectiveDate) {
    }
}
