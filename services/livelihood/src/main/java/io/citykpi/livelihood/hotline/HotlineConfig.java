package io.citykpi.livelihood.hotline;

import io.citykpi.shared.contract.livelihood.CaseType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** The 12345 hotline rules; one bureau's rules are the defaults (application.properties). */
@ConfigMapping(prefix = "citykpi.hotline")
public interface HotlineConfig {

    /** Working days per case type after the day of receipt: keys emergency, enquiry, help-request, complaint, suggestion. */
    Map<String, Integer> limits();

    @WithDefault("1")
    int responseWorkingDays();

    @WithDefault("3")
    int escalateAfterReworks();

    default int limit(CaseType type) {
        Integer days = limits().get(type.configKey());
        if (days == null) {
            throw new IllegalStateException("citykpi.hotline.limits." + type.configKey() + " is not configured");
        }
        return days;
    }
}
