package io.citykpi.safety.hazard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "citykpi.overdue")
public interface OverdueConfig {

    /** Run the overdue job in this replica (every replica may: they never emit the same event twice). */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("1m")
    Duration interval();

    /** Hazards handled per transaction. */
    @WithDefault("100")
    int batchSize();
}
