package io.citykpi.projects.project;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.citykpi.shared.event.Topics;
import io.citykpi.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** An operator can go from a log line to the event on the topic: the line carries the CloudEvents id. */
@QuarkusTest
class EventLogTest {

    @ConfigProperty(name = "citykpi.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void theLogLineOfARegistrationCarriesTheIdOfItsEvent() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && String.valueOf(ext.getFormattedMessage()).contains("T-LOG-1")) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ProjectService.class.getName());
        logger.addHandler(capture);
        try {
            String id = given().contentType(ContentType.JSON)
                    .body("""
                            {"code":"T-LOG-1","name":"日志测试","orgUnit":"220402","sector":"OTHER","constructionType":"NEW",
                             "totalInvestment":600}""")
                    .post("/api/v1/projects").then().statusCode(201).extract().path("id");
            assertEquals(1, records.size());
            String logged = records.get(0).getMdc("ce_id");
            assertNotNull(logged, "ce_id in the MDC");
            List<ConsumerRecord<String, byte[]>> events = TopicReader.read(bootstrapServers, Topics.PROJECTS,
                    r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
            assertEquals(new String(events.get(0).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8), logged);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
