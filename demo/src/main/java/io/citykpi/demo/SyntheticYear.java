package io.citykpi.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A synthetic year of activity for every unit, generated from synthetic.json with a fixed seed: the
 * same file always gives the same requests. Each unit's domains are loaded in parallel; inside a
 * domain, requests go in the order the business rules need (a project is registered before it starts).
 */
final class SyntheticYear {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final String[] SECTORS = {"AUTOMOTIVE_PARTS", "TEXTILES", "NEW_MATERIALS", "NEW_ENERGY",
            "MEDICINE_AND_HEALTH", "AGRICULTURE_AND_FOOD", "EQUIPMENT", "INFRASTRUCTURE", "URBAN_RENEWAL", "CULTURE_AND_TOURISM"};
    private static final String[] SECTOR_NAMES = {"汽车零部件", "现代纺织", "新材料", "新能源", "医药健康", "农产品加工", "装备制造",
            "基础设施", "城市更新", "文化旅游"};
    private static final String[] ORIGINS = {"浙江", "江苏", "广东", "北京", "上海", "山东", "吉林", "辽宁", "韩国", "日本"};
    private static final String[] DOMAINS = {"GAS", "FIRE", "ROAD_TRAFFIC", "CONSTRUCTION", "HAZARDOUS_CHEMICALS", "MINES"};
    private static final String[] PLACES = {"RESIDENTIAL", "SCHOOL", "HOSPITAL", "ENTERPRISE", "CONSTRUCTION_SITE", "SQUARE",
            "SCENIC_AREA", "WELFARE_CENTRE"};
    /** FAI by month as a share of an average month (a Jilin winter halts construction); they add up to 12. */
    private static final double[] SEASON = {0.35, 0.45, 0.85, 1.05, 1.2, 1.3, 1.25, 1.2, 1.15, 1.1, 1.05, 1.05};

    private final JsonNode spec;
    private final Http http;
    private final DemoLoader.Services urls;
    private final int year;
    private final long seed;

    SyntheticYear(JsonNode spec, Http http, DemoLoader.Services urls) {
        this.spec = spec;
        this.http = http;
        this.urls = urls;
        this.year = spec.path("year").asInt();
        this.seed = spec.path("seed").asLong();
    }

    int year() {
        return year;
    }

    int keyProjects() {
        int total = 0;
        for (JsonNode unit : spec.path("units")) {
            total += unit.path("keyProjects").asInt();
        }
        return total;
    }

    void load(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (JsonNode unit : spec.path("units")) {
                Unit u = new Unit(unit);
                tasks.add(pool.submit(() -> projects(u, random(u, "projects"))));
                tasks.add(pool.submit(() -> investment(u, random(u, "investment"))));
                tasks.add(pool.submit(() -> livelihood(u, random(u, "livelihood"))));
                tasks.add(pool.submit(() -> hotline(u, random(u, "hotline"))));
                tasks.add(pool.submit(() -> safety(u, random(u, "safety"))));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Random random(Unit u, String domain) {
        return new Random(seed * 31 + (u.orgUnit + "/" + domain).hashCode());
    }

    // ---- projects ------------------------------------------------------------------------------

    private void projects(Unit u, Random r) {
        int all = u.integer("keyProjects");
        int fresh = u.integer("newProjects");
        int completions = u.integer("completions");
        int startsLate = u.spec.path("startsLate").asInt(1);
        for (int i = 0; i < all; i++) {
            boolean isNew = i < fresh;
            String code = u.code + "-" + year + "-" + String.format("%03d", i + 1);
            int sector = r.nextInt(SECTORS.length);
            BigDecimal total = money(Math.max(600, u.number("totalInvestment") * (0.5 + r.nextDouble())));
            LocalDate registeredOn = isNew ? LocalDate.of(year - 1, 12, 2 + i % 25) : LocalDate.of(year - 1, 2 + i % 9, 12);
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("code", code);
            project.put("name", SECTOR_NAMES[sector] + "项目(演示) " + code);
            project.put("orgUnit", u.orgUnit);
            project.put("sector", SECTORS[sector]);
            project.put("constructionType", isNew ? "NEW" : i % 5 == 0 ? "EXPANSION_OR_UPGRADE" : "CONTINUING");
            project.put("totalInvestment", total);
            project.put("leadUnit", u.code + " 发改局");
            project.put("registeredOn", registeredOn);
            if (!isNew) {
                project.put("initialStage", "UNDER_CONSTRUCTION");
            }
            String id = http.send("POST", urls.projects() + "/api/v1/projects", project).path("_id").asText();
            String base = urls.projects() + "/api/v1/projects/" + id;

            BigDecimal planned = money(total.doubleValue() * (isNew ? 0.35 : 0.3));
            // Starts of new projects: half of them in March (the first quarter), the rest April to June.
            YearMonth start = isNew ? YearMonth.of(year, i < (fresh + 1) / 2 ? 3 : 4 + i % 3) : null;
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("plannedInvestment", planned);
            plan.put("plannedStartMonth", start == null ? null : start.toString());
            plan.put("adoptedOn", LocalDate.of(year, 1, 20));
            http.send("PUT", base + "/plans/" + year, plan);

            LocalDate started = null;
            LocalDate completed = null;
            if (isNew) {
                stage(base, "RESERVE", LocalDate.of(year, 1, 6));
                stage(base, "PREPARATION", LocalDate.of(year, 1, 22));
                boolean slips = i >= fresh - startsLate;
                if (!slips) {
                    started = start.atDay(6 + r.nextInt(20));
                    stage(base, "UNDER_CONSTRUCTION", started);
                    LocalDate inStatistics = started.plusDays(20 + r.nextInt(40));
                    if (inStatistics.getYear() == year) {
                        http.send("PUT", base + "/statistical-registration", Map.of("registeredOn", inStatistics));
                    }
                }
            } else if (i - fresh < completions) {
                completed = LocalDate.of(year, 5 + (i - fresh) % 7, 10 + r.nextInt(15));
                stage(base, "COMPLETED", completed);
                if ((i - fresh) % 2 == 0 && completed.plusMonths(1).getYear() == year) {
                    stage(base, "IN_PRODUCTION", completed.plusMonths(1));
                }
            }

            YearMonth last = completed != null ? YearMonth.from(completed) : YearMonth.of(year, 12);
            double monthly = planned.doubleValue() / 12;
            for (YearMonth m = YearMonth.of(year, 1); !m.isAfter(last); m = m.plusMonths(1)) {
                boolean preparing = isNew && (started == null || m.isBefore(YearMonth.from(started)));
                // Preparation costs (design, land, approvals): a few per cent of a construction month.
                double amount = preparing ? Math.max(5, monthly * (0.03 + 0.07 * r.nextDouble()))
                        : monthly * SEASON[m.getMonthValue() - 1] * (0.7 + r.nextDouble() * 0.6);
                report(base + "/investment-reports/" + m, money(amount), submitted(u, m, 5, r));
            }
            if (i == fresh && u.anomaly("downward-correction")) {
                // March's figure double-counted a contract payment; corrected downwards in May.
                http.send("PUT", base + "/investment-reports/" + YearMonth.of(year, 3),
                        Map.of("amount", money(monthly * 0.2), "submittedOn", LocalDate.of(year, 5, 6)));
            }
        }
    }

    private void stage(String project, String stage, LocalDate on) {
        http.send("POST", project + "/stage-transitions", Map.of("stage", stage, "effectiveDate", on));
    }

    private void report(String url, BigDecimal amount, LocalDate submittedOn) {
        http.send("PUT", url, Map.of("amount", amount, "submittedOn", submittedOn));
    }

    /**
     * Reports are submitted a few days into the next month, before the due day; a unit with late
     * reports misses it now and then.
     */
    private LocalDate submitted(Unit u, YearMonth month, int dueDay, Random r) {
        int day = 1 + r.nextInt(Math.max(1, dueDay - 1));
        if (u.anomaly("late-reports") && month.getMonthValue() % 4 == 1) {
            day = dueDay + 2 + r.nextInt(5);
        }
        return month.plusMonths(1).atDay(day);
    }

    // ---- investment ----------------------------------------------------------------------------

    private void investment(Unit u, Random r) {
        int deals = u.integer("deals");
        int large = u.integer("dealsOver100m");
        for (int d = 0; d < deals; d++) {
            int sector = r.nextInt(SECTORS.length);
            LocalDate signedOn = LocalDate.of(year, 1 + d * 11 / deals, 5 + r.nextInt(20));
            double amount = d == 0 && u.orgUnit.equals("220402") ? 120000 // 龙山区's promised 10亿元 project
                    : d < large ? 10000 + r.nextDouble() * 40000 : 800 + r.nextDouble() * 8000;
            BigDecimal contract = money(amount);
            Map<String, Object> deal = new LinkedHashMap<>();
            deal.put("name", SECTOR_NAMES[sector] + "招商项目(演示) " + u.code + "-" + (d + 1));
            deal.put("investor", ORIGINS[r.nextInt(ORIGINS.length)] + "某" + SECTOR_NAMES[sector] + "企业(演示)");
            deal.put("investorOrigin", ORIGINS[r.nextInt(ORIGINS.length)]);
            deal.put("orgUnit", u.orgUnit);
            deal.put("sector", SECTORS[sector]);
            deal.put("signedOn", signedOn);
            deal.put("contractAmount", contract);
            String id = http.send("POST", urls.investment() + "/api/v1/deals", deal).path("_id").asText();
            String base = urls.investment() + "/api/v1/deals/" + id;
            LocalDate on = signedOn;
            BigDecimal arrived = BigDecimal.ZERO;
            for (int k = 0; k < 1 + r.nextInt(3); k++) {
                on = on.plusDays(30 + r.nextInt(40));
                BigDecimal part = money(contract.doubleValue() * (0.1 + r.nextDouble() * 0.2));
                if (on.getYear() != year || arrived.add(part).compareTo(contract) > 0) {
                    break;
                }
                arrived = arrived.add(part);
                http.send("POST", base + "/arrivals", Map.of("arrivedOn", on, "amount", part, "source",
                        r.nextInt(10) == 0 ? "FOREIGN" : "DOMESTIC"));
            }
            if (r.nextDouble() < 0.6 && signedOn.plusDays(45).getYear() == year) {
                http.send("POST", base + "/status-transitions", Map.of("status", "STARTED",
                        "effectiveDate", signedOn.plusDays(45)));
            }
        }
        // Fixed-asset investment: last year (the base of the growth rate), then this year.
        double growth = u.number("faiGrowthPercent") / 100;
        for (int m = 1; m <= 12; m++) {
            double lastYear = u.number("faiMonthly2024") * SEASON[m - 1];
            YearMonth before = YearMonth.of(year - 1, m);
            report(urls.investment() + "/api/v1/fixed-asset-investment/" + u.orgUnit + "/" + before, money(lastYear),
                    submitted(u, before, 8, r));
            YearMonth month = YearMonth.of(year, m);
            double amount = lastYear * (1 + growth + (r.nextDouble() - 0.5) * 0.06);
            if (m == 5 && u.anomaly("fai-unit-mistake")) {
                amount = amount / 10000; // typed in 亿元 where 万元 was asked
            }
            report(urls.investment() + "/api/v1/fixed-asset-investment/" + u.orgUnit + "/" + month,
                    money(Math.max(amount, 0.01)), submitted(u, month, 8, r));
        }
    }

    // ---- livelihood ----------------------------------------------------------------------------

    private void livelihood(Unit u, Random r) {
        double renovation = u.number("renovationM2");
        double progress = u.spec.path("renovationProgress").asDouble(1.02);
        String estates = programme(u, "LJ", "老旧小区改造(演示)", "OLD_ESTATE_RENOVATION", "SQUARE_METRES", money(renovation));
        // Renovation stops in the Jilin winter: nothing to report from December to March, and the unit says so.
        double[] season = {0, 0, 0, 0.08, 0.14, 0.16, 0.16, 0.16, 0.14, 0.1, 0.06, 0};
        for (int m = 1; m <= 12; m++) {
            progress(u, estates, YearMonth.of(year, m), money(renovation * progress * season[m - 1]), r);
        }
        int places = 2 + r.nextInt(4);
        String centres = programme(u, "YL", "社区养老服务站(演示)", "CARE_CENTRE", "PLACES", BigDecimal.valueOf(places));
        for (int m = 3; m < 3 + places; m++) {
            progress(u, centres, YearMonth.of(year, m), BigDecimal.ONE, r);
        }
        int households = 100 + r.nextInt(300);
        String retrofit = programme(u, "SL", "特殊困难老年人家庭适老化改造(演示)", "AGE_FRIENDLY_RETROFIT", "HOUSEHOLDS",
                BigDecimal.valueOf(households));
        double done = households * (0.85 + r.nextDouble() * 0.2);
        for (int m = 3; m <= 10; m++) {
            progress(u, retrofit, YearMonth.of(year, m), BigDecimal.valueOf(Math.round(done / 8)), r);
        }

        String[] categories = {"MINIMUM_LIVING_ALLOWANCE", "EXTREME_POVERTY_SUPPORT", "TEMPORARY_ASSISTANCE"};
        double[] money = {0.7, 0.2, 0.1};
        double[] people = {0.7, 0.15, 0.15};
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            for (int c = 0; c < categories.length; c++) {
                double f = 0.9 + r.nextDouble() * 0.2;
                http.send("PUT", urls.livelihood() + "/api/v1/assistance/" + u.orgUnit + "/" + month + "/" + categories[c],
                        Map.of("amount", money(u.number("assistanceMonthly") * money[c] * f),
                                "beneficiaryTimes", Math.round(u.number("beneficiariesMonthly") * people[c] * f),
                                "submittedOn", submitted(u, month, 10, r)));
            }
            if (m == 3 && u.anomaly("downward-correction")) {
                http.send("PUT", urls.livelihood() + "/api/v1/assistance/" + u.orgUnit + "/" + month + "/" + categories[0],
                        Map.of("amount", money(u.number("assistanceMonthly") * 0.5),
                                "beneficiaryTimes", Math.round(u.number("beneficiariesMonthly") * 0.5),
                                "submittedOn", LocalDate.of(year, 4, 20)));
            }
            if (m == 12 && u.anomaly("missing-employment-report")) {
                continue;
            }
            double jobs = u.number("newJobsMonthly") * (m >= 3 && m <= 7 ? 1.3 : 0.8) * (0.85 + r.nextDouble() * 0.3);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("newUrbanJobs", Math.round(jobs));
            figures.put("registeredUnemploymentRate", money(3.0 + r.nextDouble() * 0.8));
            figures.put("graduatePlacements", Math.round(jobs * 0.15));
            figures.put("veteranPlacements", Math.round(jobs * 0.02));
            figures.put("submittedOn", submitted(u, month, 10, r));
            http.send("PUT", urls.livelihood() + "/api/v1/employment/" + u.orgUnit + "/" + month, figures);
        }
    }

    private String programme(Unit u, String suffix, String name, String category, String unit, BigDecimal planned) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", u.code + "-" + year + "-" + suffix);
        body.put("name", name);
        body.put("category", category);
        body.put("orgUnit", u.orgUnit);
        body.put("year", year);
        body.put("unit", unit);
        body.put("plannedQuantity", planned);
        body.put("adoptedOn", LocalDate.of(year, 1, 15));
        return http.send("POST", urls.livelihood() + "/api/v1/programmes", body).path("_id").asText();
    }

    private void progress(Unit u, String programme, YearMonth month, BigDecimal quantity, Random r) {
        http.send("PUT", urls.livelihood() + "/api/v1/programmes/" + programme + "/progress/" + month,
                Map.of("quantity", quantity, "submittedOn", submitted(u, month, 5, r)));
    }

    // ---- the 12345 hotline ---------------------------------------------------------------------

    private void hotline(Unit u, Random r) {
        String[] types = {"COMPLAINT", "COMPLAINT", "COMPLAINT", "HELP_REQUEST", "HELP_REQUEST", "ENQUIRY", "ENQUIRY",
                "SUGGESTION", "EMERGENCY"};
        double satisfaction = u.number("satisfaction");
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            int cases = (int) Math.round(u.number("hotlineCasesMonthly") * (0.8 + r.nextDouble() * 0.4));
            for (int k = 1; k <= cases; k++) {
                String number = "12345-" + u.code + "-" + month + "-" + k;
                OffsetDateTime received = LocalDateTime.of(month.atDay(1 + r.nextInt(month.lengthOfMonth())),
                        java.time.LocalTime.of(8 + r.nextInt(10), r.nextInt(60))).atOffset(SHANGHAI);
                JsonNode view = http.send("POST", urls.livelihood() + "/api/v1/hotline-cases", Map.of(
                        "caseNumber", number, "orgUnit", u.orgUnit, "type", types[r.nextInt(types.length)],
                        "summary", "演示工单", "receivedAt", received));
                String base = urls.livelihood() + "/api/v1/hotline-cases/" + number;
                OffsetDateTime responseDue = OffsetDateTime.parse(view.path("responseDueAt").asText());
                OffsetDateTime due = OffsetDateTime.parse(view.path("dueAt").asText());
                OffsetDateTime accepted = r.nextDouble() < 0.95 ? earlier(received.plusMinutes(20 + r.nextInt(90)), responseDue)
                        : responseDue.plusHours(3);
                http.send("POST", base + "/acceptance", Map.of("acceptedAt", accepted));
                long window = Math.max(1, java.time.Duration.between(accepted, due).toMinutes());
                OffsetDateTime resolved = r.nextDouble() < 0.92
                        ? accepted.plusMinutes(1 + (long) (r.nextDouble() * (window - 1)))
                        : due.plusDays(1 + r.nextInt(3));
                http.send("POST", base + "/resolution", Map.of("resolvedAt", resolved, "solved", r.nextDouble() < 0.9));
                double answer = r.nextDouble();
                String feedback = answer < 0.05 ? "NO_ANSWER" : answer < 0.05 + satisfaction * 0.75 ? "SATISFIED"
                        : answer < 0.05 + satisfaction * 0.95 ? "BASICALLY_SATISFIED" : "UNSATISFIED";
                http.send("POST", base + "/feedback", Map.of("feedbackAt", resolved.plusHours(20), "feedback", feedback));
            }
        }
    }

    private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b.minusMinutes(1);
    }

    // ---- safety inspection ---------------------------------------------------------------------

    private void safety(Unit u, Random r) {
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            double winter = m <= 2 || m == 12 ? 0.7 : 1.0;
            int inspections = (int) Math.round(u.number("inspectionsMonthly") * winter * (0.8 + r.nextDouble() * 0.4));
            for (int k = 0; k < inspections; k++) {
                LocalDate on = month.atDay(3 + r.nextInt(month.lengthOfMonth() - 3));
                List<Map<String, Object>> hazards = new ArrayList<>();
                double expected = u.number("hazardsPerInspection");
                int count = r.nextDouble() < expected ? 1 + (r.nextDouble() < expected / 3 ? 1 : 0) : 0;
                for (int h = 0; h < count; h++) {
                    boolean major = r.nextInt(14) == 0;
                    hazards.add(Map.of("severity", major ? "MAJOR" : "GENERAL",
                            "description", major ? "燃气管道严重锈蚀、阀门失效(演示)" : "消防通道堵塞(演示)",
                            "deadline", on.plusDays(major ? 60 + r.nextInt(30) : 15 + r.nextInt(30))));
                }
                String domain = DOMAINS[r.nextInt(DOMAINS.length)];
                Map<String, Object> inspection = new LinkedHashMap<>();
                inspection.put("orgUnit", u.orgUnit);
                inspection.put("domain", domain);
                inspection.put("placeType", PLACES[r.nextInt(PLACES.length)]);
                inspection.put("placeName", "演示检查点 " + u.code + "-" + month + "-" + (k + 1));
                inspection.put("inspectedOn", on);
                inspection.put("team", u.code + " 应急管理局检查组");
                inspection.put("withExperts", r.nextDouble() < 0.4);
                inspection.put("hazards", hazards);
                JsonNode detail = http.send("POST", urls.safety() + "/api/v1/inspections", inspection);
                for (JsonNode hazard : detail.path("hazards")) {
                    handle(hazard, on, r);
                }
            }
        }
        if (u.anomaly("listed-major-hazard-overdue")) {
            Map<String, Object> inspection = new LinkedHashMap<>();
            inspection.put("orgUnit", u.orgUnit);
            inspection.put("domain", "GAS");
            inspection.put("placeType", "RESIDENTIAL");
            inspection.put("placeName", "演示小区燃气调压站");
            inspection.put("inspectedOn", LocalDate.of(year, 8, 12));
            inspection.put("team", u.code + " 燃气专项检查组");
            inspection.put("withExperts", true);
            inspection.put("hazards", List.of(Map.of("severity", "MAJOR", "description", "调压站泄漏报警装置失效(演示)",
                    "deadline", LocalDate.of(year, 10, 31))));
            JsonNode detail = http.send("POST", urls.safety() + "/api/v1/inspections", inspection);
            String id = detail.path("hazards").get(0).path("id").asText();
            http.send("POST", urls.safety() + "/api/v1/hazards/" + id + "/listing",
                    Map.of("listedOn", LocalDate.of(year, 8, 20), "supervisingUnit", "市安委会"));
        }
    }

    /** Most hazards are rectified in time and pass verification; a few slip or fail. */
    private void handle(JsonNode hazard, LocalDate found, Random r) {
        String base = urls.safety() + "/api/v1/hazards/" + hazard.path("id").asText();
        LocalDate deadline = LocalDate.parse(hazard.path("deadline").asText());
        double fate = r.nextDouble();
        if (fate < 0.06) {
            return; // left open: overdue once the deadline passes
        }
        LocalDate rectified = fate < 0.12 ? deadline.plusDays(3 + r.nextInt(10))
                : found.plusDays(1 + r.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(found, deadline))));
        if (rectified.getYear() > year) {
            return; // still open at the end of the year
        }
        http.send("POST", base + "/rectification", Map.of("rectifiedOn", rectified, "measures", "已整改(演示)"));
        LocalDate verified = rectified.plusDays(2 + r.nextInt(6));
        if (verified.getYear() > year) {
            return;
        }
        http.send("POST", base + "/verification", Map.of("verifiedOn", verified, "passed", r.nextDouble() < 0.93));
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static final class Unit {
        final JsonNode spec;
        final String orgUnit;
        final String code;

        Unit(JsonNode spec) {
            this.spec = spec;
            this.orgUnit = spec.path("orgUnit").asText();
            this.code = spec.path("code").asText();
        }

        int integer(String field) {
            return spec.path(field).asInt();
        }

        double number(String field) {
            return spec.path(field).asDouble();
        }

        boolean anomaly(String name) {
            for (JsonNode a : spec.path("anomalies")) {
                if (a.asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }
}
