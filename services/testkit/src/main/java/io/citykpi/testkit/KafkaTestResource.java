package io.citykpi.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real Kafka broker process for a @QuarkusTest run, on free loopback ports, always stopped after. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.startTemporary();
        return Map.of("citykpi.kafka.bootstrap-servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
