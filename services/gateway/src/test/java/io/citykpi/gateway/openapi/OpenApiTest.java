package io.citykpi.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is part of the product: every example is real JSON, every operation has a summary. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyExampleParsesAndEveryOperationIsDescribed() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (var path = api.path("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            for (var operation = entry.getValue().fields(); operation.hasNext(); ) {
                var op = operation.next();
                String name = op.getKey().toUpperCase() + " " + entry.getKey();
                if (op.getValue().path("summary").asText().isBlank()) {
                    problems.add(name + " has no summary");
                }
                for (JsonNode response : op.getValue().path("responses")) {
                    for (JsonNode media : response.path("content")) {
                        for (JsonNode example : media.path("examples")) {
                            examples++;
                            if (!example.path("value").isObject() && !example.path("value").isArray()) {
                                problems.add(name + ": an example is not JSON: " + example.path("value").asText());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        List<String> kpiParameters = new ArrayList<>();
        api.at("/paths/~1api~1v1~1kpis/get/parameters").forEach(p -> kpiParameters.add(p.path("name").asText()));
        assertTrue(kpiParameters.containsAll(List.of("year", "period", "orgUnit", "asOf", "knownAt")), kpiParameters.toString());
        assertTrue(examples >= 9, "examples for the KPI, target, alert and reporting responses: " + examples);
    }
}
