package io.citykpi.investment.deal;

import static io.citykpi.investment.DealsApi.amend;
import static io.citykpi.investment.DealsApi.arrive;
import static io.citykpi.investment.DealsApi.fai;
import static io.citykpi.investment.DealsApi.sign;
import static io.citykpi.investment.DealsApi.status;
import static io.citykpi.investment.DealsApi.today;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.event.Topics;
import io.citykpi.testkit.AsyncApiContract;
import io.citykpi.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What a subscriber of citykpi.investment.v1 sees. */
@QuarkusTest
class InvestmentEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void aFullDealLifeProducesExactlyTheExpectedEventsInOrder() throws Exception {
        LocalDate signed = today().minusDays(20);
        String id = sign("220471", "10000.00", signed);
        status(id, "STARTED", signed.plusDays(2)).statusCode(200);
        arrive(id, "6000.00", signed.plusDays(3)).statusCode(201);
        amend(id, "15000.00", signed.plusDays(4)).statusCode(200);
        arrive(id, "8000.00", signed.plusDays(5)).statusCode(201);
        status(id, "IN_PRODUCTION", signed.plusDays(6)).statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrapServers, Topics.INVESTMENT,
                r -> id.equals(r.key()), 6, Duration.ofSeconds(30));
        assertEquals(List.of(
                        "citykpi.investment.deal-signed.v1",
                        "citykpi.investment.deal-status-changed.v1",
                        "citykpi.investment.funds-arrived.v1",
                        "citykpi.investment.contract-amended.v1",
                        "citykpi.investment.funds-arrived.v1",
                        "citykpi.investment.deal-status-changed.v1"),
                records.stream().map(r -> header(r, "ce_type")).toList());
        AsyncApiContract contract = AsyncApiContract.load();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertEquals(List.of(), contract.violations(record), header(record, "ce_type"));
        }
        JsonNode amendment = JSON.readTree(records.get(3).value());
        assertEquals(0, new BigDecimal("10000.00").compareTo(amendment.get("previousAmount").decimalValue()));
        assertEquals(0, new BigDecimal("15000.00").compareTo(amendment.get("newAmount").decimalValue()));
        JsonNode secondArrival = JSON.readTree(records.get(4).value());
        assertEquals(0, new BigDecimal("14000.00").compareTo(secondArrival.get("arrivedTotal").decimalValue()));
        assertEquals(signed.plusDays(5).toString(), secondArrival.get("effectiveDate").asText());
    }

    @Test
    void aFaiCorrectionCarriesTheOldAndTheNewAmount() throws Exception {
        fai("220402", "2024-06", "3000.00").statusCode(201);
        fai("220402", "2024-06", "3300.00").statusCode(200);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(bootstrapServers, Topics.INVESTMENT,
                r -> "220402/2024-06".equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(List.of("citykpi.investment.fixed-asset-investment-reported.v1",
                "citykpi.investment.fixed-asset-investment-corrected.v1"),
                records.stream().map(r -> header(r, "ce_type")).toList());
        JsonNode correction = JSON.readTree(records.get(1).value());
        assertEquals(0, new BigDecimal("3000.00").compareTo(correction.get("previousAmount").decimalValue()));
        assertEquals(0, new BigDecimal("3300.00").compareTo(correction.get("amount").decimalValue()));
        assertEquals("2024-06-30", correction.get("effectiveDate").asText());
        AsyncApiContract contract = AsyncApiContract.load();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertEquals(List.of(), contract.violations(record));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
