package io.citykpi.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** When KPIs stop advancing, readiness and the stalled gauge say so; a quiet stream is not a stall. */
class IngestStatusTest {

    private Instant now = Instant.parse("2026-03-02T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestStatus status = new IngestStatus(registry, config(), clock);

    @Test
    void eventsWaitingAndNothingAppliedForTwoMinutesIsAStall() {
        status.onStart(null);
        status.applied(now);
        status.lag(0);
        now = now.plus(Duration.ofMinutes(10));
        assertFalse(status.stalled(), "nothing waiting: quiet, not stalled");
        assertEquals(0.0, registry.get("citykpi.gateway.ingest.stalled").gauge().value());

        status.lag(120);
        now = now.plus(Duration.ofSeconds(30));
        assertTrue(status.stalled(), "120 events wait, nothing applied for 10.5 minutes");
        assertEquals(1.0, registry.get("citykpi.gateway.ingest.stalled").gauge().value());
        HealthCheckResponse health = new IngestHealthCheck(status, null) {
            @Override
            long deadLettersPending() {
                return 0;
            }
        }.call();
        assertEquals(HealthCheckResponse.Status.DOWN, health.getStatus());
        assertEquals("STALLED", health.getData().orElseThrow().get("state"));
        assertTrue(String.valueOf(health.getData().orElseThrow().get("message")).contains("120 events wait"));

        status.applied(now);
        assertFalse(status.stalled(), "applying again ends it");
    }

    @Test
    void applyingThatKeepsFailingIsAStallOnceItHasLastedLongEnough() {
        status.onStart(null);
        status.applied(now);
        status.failing("PostgreSQL unreachable: Connection refused", now);
        now = now.plus(Duration.ofSeconds(90));
        assertFalse(status.stalled(), "a short outage is only DEGRADED");
        now = now.plus(Duration.ofSeconds(60));
        assertTrue(status.stalled());
        HealthCheckResponse health = new IngestHealthCheck(status, null) {
            @Override
            long deadLettersPending() {
                return 0;
            }
        }.call();
        assertTrue(String.valueOf(health.getData().orElseThrow().get("message")).contains("PostgreSQL unreachable"),
                "names the store that is down");
    }

    private static IngestConfig config() {
        return new IngestConfig() {
            public boolean enabled() {
                return true;
            }

            public String groupId() {
                return "g";
            }

            public List<String> topics() {
                return List.of("t");
            }

            public String deadLetterTopic() {
                return "d";
            }

            public Duration deadLetterRetention() {
                return Duration.ofDays(30);
            }

            public Duration pollTimeout() {
                return Duration.ofMillis(500);
            }

            public int maxBatch() {
                return 1000;
            }

            public int rebuildBatch() {
                return 5000;
            }

            public Duration maxBackoff() {
                return Duration.ofSeconds(10);
            }

            public Duration stallAfter() {
                return Duration.ofMinutes(2);
            }

            public Duration retiredGrace() {
                return Duration.ofMinutes(2);
            }
        };
    }
}
