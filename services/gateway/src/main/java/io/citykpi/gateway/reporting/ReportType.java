package io.citykpi.gateway.reporting;

/** The monthly reports every district, county and zone owes, and the first-report event of each. */
public enum ReportType {
    PROJECT_INVESTMENT("citykpi.projects.project-investment-reported.v1", "重点项目投资月报"),
    FIXED_ASSET_INVESTMENT("citykpi.investment.fixed-asset-investment-reported.v1", "固定资产投资月报"),
    PROGRAMME_PROGRESS("citykpi.livelihood.programme-progress-reported.v1", "民生实事进度月报"),
    ASSISTANCE("citykpi.livelihood.assistance-reported.v1", "社会救助月报"),
    EMPLOYMENT("citykpi.livelihood.employment-reported.v1", "就业月报");

    private final String eventType;
    private final String nameZh;

    ReportType(String eventType, String nameZh) {
        this.eventType = eventType;
        this.nameZh = nameZh;
    }

    public String eventType() {
        return eventType;
    }

    public String nameZh() {
        return nameZh;
    }
}
