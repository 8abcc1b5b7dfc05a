package io.citykpi.gateway.reporting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The reporting calendar: the day of the following month by which each monthly report is due. */
@ConfigMapping(prefix = "citykpi.reporting.due-day")
public interface ReportingConfig {

    @WithDefault("5")
    int projectInvestment();

    @WithDefault("8")
    int fixedAssetInvestment();

    @WithDefault("5")
    int programmeProgress();

    @WithDefault("10")
    int assistance();

    @WithDefault("10")
    int employment();

    default int dueDay(ReportType type) {
        return switch (type) {
            case PROJECT_INVESTMENT -> projectInvestment();
            case FIXED_ASSET_INVESTMENT -> fixedAssetInvestment();
            case PROGRAMME_PROGRESS -> programmeProgress();
            case ASSISTANCE -> assistance();
            case EMPLOYMENT -> employment();
        };
    }
}
