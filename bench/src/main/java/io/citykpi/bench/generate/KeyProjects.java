package io.citykpi.bench.generate;

import static io.citykpi.bench.generate.Units.money;

import io.citykpi.shared.event.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Key projects (重点项目) through their life: registered, a plan for every year they run (sometimes
 * revised), through the stages to construction (入统 a few weeks after the start, sometimes with the
 * date corrected), suspended now and then, completed and in production, or cancelled; each month from
 * preparation to completion an investment report submitted in the first days of the next month, a few
 * late, missing or corrected weeks later. History starts with a year's worth of projects already under
 * construction, as a real register would.
 */
final class KeyProjects {

    /** New key projects a working day across the city at scale 1. */
    static final double PROJECTS_PER_WORKING_DAY = 1.2;

    private static final String[] SECTORS = {"AUTOMOTIVE_PARTS", "TEXTILES", "NEW_MATERIALS", "NEW_ENERGY",
        "MEDICINE_AND_HEALTH", "AGRICULTURE_AND_FOOD", "EQUIPMENT", "INFRASTRUCTURE", "URBAN_RENEWAL",
        "CULTURE_AND_TOURISM", "OTHER"};
    private static final String[] SECTOR_NAMES = {"汽车零部件", "纺织", "新材料", "新能源", "医药健康", "农产品加工",
        "装备制造", "基础设施", "城市更新", "文化旅游", "综合"};
    private static final String[] CONSTRUCTION = {"NEW", "CONTINUING", "EXPANSION_OR_UPGRADE"};

    private final Timeline t;
    private final EventPayloads p;
    private final double scale;
    private final LocalDate end;
    private int numbered;

    KeyProjects(Timeline t, EventPayloads p, double scale, LocalDate end) {
        this.t = t;
        this.p = p;
        this.scale = scale;
        this.end = end;
    }

    /** The register as it stands when history starts: a year's projects, already under construction. */
    void backlog(LocalDate start) {
        int projects = t.poisson(PROJECTS_PER_WORKING_DAY * scale * 250);
        for (int i = 0; i < projects; i++) {
            LocalDate registeredOn = start.minusDays(t.between(30, 700));
            LocalDate keyedIn = start.plusDays(t.between(0, 9));
            t.at(t.officeHours(keyedIn), () -> {
                Project project = register(registeredOn, "UNDER_CONSTRUCTION", keyedIn);
                LocalDate started = registeredOn.plusDays(t.between(20, 200));
                if (started.isAfter(keyedIn)) {
                    started = keyedIn;
                }
                project.stage = "UNDER_CONSTRUCTION";
                plans(project, keyedIn);
                construction(project, keyedIn, started);
                monthlyReport(project, YearMonth.from(keyedIn).minusMonths(1));
            });
        }
    }

    void day(LocalDate day) {
        for (int i = t.onWorkingDays(day, PROJECTS_PER_WORKING_DAY * scale); i > 0; i--) {
            t.at(t.officeHours(day), () -> {
                Project project = register(day, "PLANNED", day);
                plans(project, day);
                LocalDate reserve = day.plusDays(t.between(15, 60));
                t.at(t.officeHours(reserve), () -> stage(project, "RESERVE", reserve));
            });
        }
    }

    private Project register(LocalDate registeredOn, String stage, LocalDate keyedIn) {
        Units.Unit unit = Units.any(t);
        int sector = t.random.nextInt(SECTORS.length);
        Project project = new Project(p.nextId(), unit.abbreviation() + "-" + registeredOn.getYear() + "-"
                + String.format("%05d", ++numbered), unit, totalInvestment());
        project.stage = stage;
        String name = SECTOR_NAMES[sector] + "项目 " + project.code;
        String construction = t.pick(CONSTRUCTION);
        String lead = unit.name() + "发展和改革局";
        t.emit(Topics.PROJECTS, true, () -> p.projectRegistered(t.now(), project.id, project.code, name, unit.code(),
                SECTORS[sector], construction, project.total, stage, lead, registeredOn));
        if (t.chance(0.03)) {
            LocalDate edited = keyedIn.plusDays(t.between(30, 400));
            t.at(t.officeHours(edited), () -> {
                BigDecimal from = project.total;
                BigDecimal to = money(from.doubleValue() * t.uniform(0.8, 1.4));
                project.total = to;
                t.emit(Topics.PROJECTS, true, () -> p.projectInvestmentTotalChanged(t.now(), project.id, project.code,
                        unit.code(), from, to, edited));
            });
        }
        return project;
    }

    /** Most key projects cost a few thousand 万元; a few run to 10亿元 and more. */
    private BigDecimal totalInvestment() {
        double total = 500 + Math.exp(8.3 + 1.1 * t.gaussian());
        return money(Math.min(total, 500_000));
    }

    /** A plan for the year it is registered in (or the current year for the backlog), then each January. */
    private void plans(Project project, LocalDate from) {
        adoptPlan(project, from.getYear(), from.plusDays(t.between(0, 20)));
        for (int year = from.getYear() + 1; year <= end.getYear(); year++) {
            int y = year;
            LocalDate adopted = LocalDate.of(year, 1, 10).plusDays(t.between(0, 45));
            t.at(t.officeHours(adopted), () -> {
                if (!project.finished()) {
                    adoptPlan(project, y, adopted);
                }
            });
        }
    }

    private void adoptPlan(Project project, int year, LocalDate adopted) {
        BigDecimal planned = money(project.total.doubleValue() * t.uniform(0.2, 0.5));
        YearMonth start = project.stage.equals("PLANNED") || project.stage.equals("RESERVE")
                || project.stage.equals("PREPARATION") ? YearMonth.of(year, t.between(3, 9)) : null;
        YearMonth completion = t.chance(0.3) ? YearMonth.of(year, 12) : null;
        t.emit(Topics.PROJECTS, true, () -> p.projectPlanSet(t.now(), project.id, project.code, project.unit.code(), year,
                planned, start, completion, null, adopted));
        if (t.chance(0.05)) { // revised mid-year (调整计划)
            LocalDate revised = LocalDate.of(year, 7, 1).plusDays(t.between(0, 40));
            if (revised.isAfter(adopted)) {
                BigDecimal newPlanned = money(planned.doubleValue() * t.uniform(0.7, 1.3));
                t.at(t.officeHours(revised), () -> {
                    if (!project.finished()) {
                        t.emit(Topics.PROJECTS, true, () -> p.projectPlanSet(t.now(), project.id, project.code,
                                project.unit.code(), year, newPlanned, start, completion, planned, revised));
                    }
                });
            }
        }
    }

    private void stage(Project project, String to, LocalDate on) {
        if (project.finished()) {
            return;
        }
        String from = project.stage;
        project.stage = to;
        t.emit(Topics.PROJECTS, true, () -> p.projectStageChanged(t.now(), project.id, project.code,
                project.unit.code(), from, to, on));
        switch (to) {
            case "RESERVE" -> next(project, "PREPARATION", on.plusDays(t.between(20, 90)));
            case "PREPARATION" -> {
                monthlyReport(project, YearMonth.from(on));
                next(project, "UNDER_CONSTRUCTION", on.plusDays(t.between(30, 150)));
            }
            case "UNDER_CONSTRUCTION" -> {
                if (!project.started) {
                    construction(project, on, on);
                }
            }
            case "COMPLETED" -> {
                if (t.chance(0.8)) {
                    next(project, "IN_PRODUCTION", on.plusDays(t.between(30, 180)));
                }
            }
            default -> {
            }
        }
    }

    /** Started on {@code started}: 入统, maybe a suspension, then completion (or cancellation). */
    private void construction(Project project, LocalDate from, LocalDate started) {
        project.started = true;
        LocalDate inStatistics = from.plusDays(t.between(10, 40));
        t.at(t.officeHours(inStatistics), () -> {
            t.emit(Topics.PROJECTS, true, () -> p.projectStatisticallyRegistered(t.now(), project.id, project.code,
                    project.unit.code(), inStatistics, null));
            if (t.chance(0.08)) {
                LocalDate corrected = inStatistics.minusDays(t.between(1, 9));
                LocalDate keyed = inStatistics.plusDays(t.between(20, 90));
                t.at(t.officeHours(keyed), () -> t.emit(Topics.PROJECTS, true, () -> p.projectStatisticallyRegistered(
                        t.now(), project.id, project.code, project.unit.code(), corrected, inStatistics)));
            }
        });
        if (t.chance(0.04)) {
            next(project, "CANCELLED", from.plusDays(t.between(30, 300)));
            return;
        }
        LocalDate completion = started.plusDays(t.between(180, 720));
        if (t.chance(0.05)) {
            LocalDate suspended = from.plusDays(t.between(30, 150));
            LocalDate resumed = suspended.plusDays(t.between(30, 120));
            next(project, "SUSPENDED", suspended);
            next(project, "UNDER_CONSTRUCTION", resumed);
            completion = completion.isAfter(resumed) ? completion : resumed.plusDays(60);
        }
        next(project, "COMPLETED", completion.isAfter(from) ? completion : from.plusDays(t.between(30, 200)));
    }

    private void next(Project project, String stage, LocalDate on) {
        t.at(t.officeHours(on), () -> stage(project, stage, on));
    }

    /**
     * The month's investment, submitted in the first days of the next month (due the 5th); the next
     * month's report is scheduled in turn until the project is completed or cancelled.
     */
    private void monthlyReport(Project project, YearMonth month) {
        LocalDate submitted = month.plusMonths(1).atDay(t.chance(0.85) ? t.between(1, 5) : t.between(6, 15));
        t.at(t.officeHours(submitted), () -> {
            boolean over = project.finished();
            if (!project.stage.equals("CANCELLED") && !t.chance(0.03)) {
                BigDecimal amount = money(project.total.doubleValue() / t.uniform(18, 36) * t.uniform(0.5, 1.5));
                project.cumulative = project.cumulative.add(amount);
                BigDecimal cumulative = project.cumulative;
                BigDecimal total = project.total;
                t.emit(Topics.PROJECTS, true, () -> p.projectInvestment(t.now(), project.id, project.code,
                        project.unit.code(), month, amount, null, cumulative, total, submitted));
                if (t.chance(0.04)) {
                    correct(project, month, amount, submitted);
                }
            }
            if (!over) {
                monthlyReport(project, month.plusMonths(1));
            }
        });
    }

    private void correct(Project project, YearMonth month, BigDecimal previous, LocalDate submitted) {
        LocalDate corrected = submitted.plusDays(t.between(5, 40));
        BigDecimal amount = money(previous.doubleValue() * t.uniform(0.7, 1.2));
        t.at(t.officeHours(corrected), () -> {
            project.cumulative = project.cumulative.subtract(previous).add(amount);
            BigDecimal cumulative = project.cumulative;
            BigDecimal total = project.total;
            t.emit(Topics.PROJECTS, true, () -> p.projectInvestment(t.now(), project.id, project.code,
                    project.unit.code(), month, amount, previous, cumulative, total, corrected));
        });
    }

    private static final class Project {
        final UUID id;
        final String code;
        final Units.Unit unit;
        BigDecimal total;
        BigDecimal cumulative = BigDecimal.ZERO.setScale(2);
        String stage;
        boolean started;

        Project(UUID id, String code, Units.Unit unit, BigDecimal total) {
            this.id = id;
            this.code = code;
            this.unit = unit;
            this.total = total;
        }

        boolean finished() {
            return stage.equals("COMPLETED") || stage.equals("IN_PRODUCTION") || stage.equals("CANCELLED");
        }
    }
}
