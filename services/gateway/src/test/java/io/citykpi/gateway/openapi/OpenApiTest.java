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

/**
 * The OpenAPI document is part of the product: every JSON example is a JSON document and every CSV one text, every
 * operation has a summary. (openapi-check validates each example against its schema.)
 */
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
                    for (var media = response.path("content").fields(); media.hasNext(); ) {
                        var type = media.next();
                        for (JsonNode example : type.getValue().path("examples")) {
                            examples++;
                            // A CSV answer's example is its text; every other one is a JSON document.
                            boolean text = type.getKey().startsWith("text/");
                            if (text ? !example.path("value").isTextual()
                                    : !example.path("value").isObject() && !example.path("value").isArray()) {
                                problems.add(name + ": an example of " + type.getKey() + " is not "
                                        + (text ? "text" : "JSON") + ": " + example.path("value"));
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
