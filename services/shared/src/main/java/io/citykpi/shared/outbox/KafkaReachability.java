package io.citykpi.shared.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** What the relay last learnt about Kafka; read by the health check. */
@ApplicationScoped
public class KafkaReachability {

    private final Clock clock = Clock.systemUTC();
    private volatile String problem;
    private volatile Instant since;

    void reachable() {
        problem = null;
        since = null;
    }

    void unreachable(String message) {
        if (problem == null) {
            since = clock.instant();
        }
        problem = message == null ? "unknown error" : message;
    }

    /** null while the last attempt succeeded (or none failed yet). */
    public String problem() {
        return problem;
    }

    public Instant since() {
        return since;
    }
}
