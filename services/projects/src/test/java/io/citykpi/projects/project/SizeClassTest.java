package io.citykpi.projects.project;

import io.citykpi.shared.contract.projects.SizeClass;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeClassTest {

    @ParameterizedTest(name = "{0}万元 is {1}")
    @CsvSource({
            "0.01, BELOW_KEY",
            "499.99, BELOW_KEY",
            "500, KEY",
            "500.00, KEY",
            "9999.99, KEY",
            "10000, OVER_100M",
            "99999.99, OVER_100M",
            "100000, OVER_1B",
            "1069000, OVER_1B"})
    void followsTheThresholdsOfTheWorkReport(String totalInvestment, SizeClass expected) {
        assertEquals(expected, SizeClass.of(new BigDecimal(totalInvestment)));
    }
}
