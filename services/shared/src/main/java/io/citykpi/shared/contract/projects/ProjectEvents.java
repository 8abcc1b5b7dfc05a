package io.citykpi.shared.contract.projects;

import io.citykpi.shared.sector.Sector;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payloads of the events on {@code citykpi.projects.v1}. They are public API (docs/asyncapi.yaml):
 * add optional fields freely, anything else needs a new version. Every payload names the project
 * (id, code, org unit) and the business date the fact belongs to ({@code effectiveDate}). The
 * constraints are what a consumer may rely on: the gateway dead-letters a payload that breaks one.
 */
public final class ProjectEvents {

    public static final String REGISTERED = "citykpi.projects.project-registered.v1";
    public static final String UPDATED = "citykpi.projects.project-updated.v1";
    public static final String STAGE_CHANGED = "citykpi.projects.project-stage-changed.v1";
    public static final String PLAN_SET = "citykpi.projects.project-plan-set.v1";
    public static final String STATISTICALLY_REGISTERED = "citykpi.projects.project-statistically-registered.v1";
    public static final String INVESTMENT_REPORTED = "citykpi.projects.project-investment-reported.v1";
    public static final String INVESTMENT_CORRECTED = "citykpi.projects.project-investment-corrected.v1";

    /** The one data-quality warning an investment report carries (cumulative above the total investment). */
    public static final String CUMULATIVE_EXCEEDS_TOTAL_INVESTMENT = "CUMULATIVE_EXCEEDS_TOTAL_INVESTMENT";

    private ProjectEvents() {
    }

    /** effectiveDate = the day it entered the register; stage = the stage it entered in. */
    public record ProjectRegistered(@NotNull UUID projectId, @NotBlank String code, String name, @NotBlank String orgUnit,
                                    Sector sector, ConstructionType constructionType,
                                    @NotNull BigDecimal totalInvestment, SizeClass sizeClass,
                                    @NotNull ProjectStage stage, String leadUnit, String location,
                                    @NotNull LocalDate effectiveDate) {
    }

    /** Register data edited; {@code changes} maps each changed field to its old and new value. */
    public record ProjectUpdated(@NotNull UUID projectId, @NotBlank String code, @NotBlank String orgUnit,
                                 SizeClass sizeClass, @NotNull Map<String, @Valid Change> changes,
                                 @NotNull LocalDate effectiveDate) {

        /** The total investment after the edit, when the edit changed it. */
        public BigDecimal newTotalInvestment() {
            Change change = changes.get("totalInvestment");
            return change == null || change.to() == null ? null : new BigDecimal(change.to().toString());
        }
    }

    /** One field's old and new value; money in 万元 (numbers), codes and names as strings. */
    public record Change(Object from, Object to) {
    }

    /** fromStage is null for the stage a project entered the register in (never published on its own). */
    public record ProjectStageChanged(@NotNull UUID projectId, @NotBlank String code, @NotBlank String orgUnit,
                                      ProjectStage fromStage, @NotNull ProjectStage toStage, String note,
                                      @NotNull LocalDate effectiveDate) {
    }

    /** A year's plan set or replaced; {@code previous} is the plan it replaced, if any. */
    public record ProjectPlanSet(@NotNull UUID projectId, @NotBlank String code, @NotBlank String orgUnit, int year,
                                 @NotNull @Valid Plan plan, @Valid Plan previous, @NotNull LocalDate effectiveDate) {
    }

    /** monthlyInvestment: Jan..Dec in 万元, or null for an even phasing over the year. */
    public record Plan(@NotNull BigDecimal plannedInvestment, YearMonth plannedStartMonth,
                       YearMonth plannedCompletionMonth, YearMonth plannedProductionMonth,
                       @Size(min = 12, max = 12) List<@NotNull BigDecimal> monthlyInvestment) {
    }

    /** effectiveDate = the registration date; previousEffectiveDate is set when it corrects an earlier date. */
    public record ProjectStatisticallyRegistered(@NotNull UUID projectId, @NotBlank String code, @NotBlank String orgUnit,
                                                 @NotNull LocalDate effectiveDate, LocalDate previousEffectiveDate) {
    }

    /**
     * First report of a month (previousAmount null) or a correction of it. effectiveDate is the last
     * day of the month the investment was completed in; cumulativeAmount is over every reported month.
     */
    public record ProjectInvestmentReported(@NotNull UUID projectId, @NotBlank String code, @NotBlank String orgUnit,
                                            @NotNull YearMonth month, @NotNull BigDecimal amount,
                                            BigDecimal previousAmount, BigDecimal cumulativeAmount,
                                            BigDecimal totalInvestment, List<String> dataQualityWarnings,
                                            LocalDate submittedOn, @NotNull LocalDate effectiveDate) {
    }
}
