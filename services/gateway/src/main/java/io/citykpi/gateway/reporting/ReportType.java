package io.citykpi.gateway.reporting;

import io.citykpi.shared.contract.investment.FaiEvents;
import io.citykpi.shared.contract.livelihood.LivelihoodEvents;
import io.citykpi.shared.contract.projects.ProjectEvents;

/** The monthly reports every district, county and zone owes, and the first-report event of each. */
public enum ReportType {
    PROJECT_INVESTMENT(ProjectEvents.INVESTMENT_REPORTED, "重点项目投资月报"),
    FIXED_ASSET_INVESTMENT(FaiEvents.REPORTED, "固定资产投资月报"),
    PROGRAMME_PROGRESS(LivelihoodEvents.PROGRESS_REPORTED, "民生实事进度月报"),
    ASSISTANCE(LivelihoodEvents.ASSISTANCE_REPORTED, "社会救助月报"),
    EMPLOYMENT(LivelihoodEvents.EMPLOYMENT_REPORTED, "就业月报");

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
