package io.citykpi.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/** Makes @PastOrPresent and friends judge dates by the business clock (Asia/Shanghai, replaceable in tests). */
@ApplicationScoped
public class BusinessClockProvider implements ClockProvider {

    private final Clock clock;

    public BusinessClockProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock.withZone(BusinessTime.ZONE);
    }
}
