package io.citykpi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void neverHandsOutTheSamePortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ports.add(Ports.free());
        }
        assertEquals(500, ports.size());
    }

    @Test
    void aBrokerRefusesOnePortForBothListeners() {
        assertThrows(IllegalArgumentException.class, () -> KafkaBroker.start(Path.of("unused"), 9092, 9092));
    }
}
