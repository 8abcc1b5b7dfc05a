package io.citykpi.shared.openapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Puts real answers into the OpenAPI document as examples: a service that has them lists them in the resource
 * {@value #MANIFEST} (operation id, status, media type, the file, and the request that produced it), and each one
 * replaces the examples of that response's media type. The gateway's come from the Liaoyuan demo: the system
 * test captures them and checks, on every run, that the gateway still gives the same answers.
 *
 * <p>Runs after the other filters, so that it can also fill responses they add (the 400 of ProblemResponsesFilter).
 * An entry that names an operation, status or media type the document does not have fails the build: a stale
 * manifest must not quietly drop its examples.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -10)
public class ExampleFiles implements OASFilter {

    public static final String MANIFEST = "openapi/examples/examples.json";
    private static final String DIRECTORY = "openapi/examples/";
    // Decimals keep their scale (512300.00 stays 512300.00, as the API writes it).
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        JsonNode manifest = read(MANIFEST);
        if (manifest == null || openAPI.getPaths() == null) {
            return;
        }
        Map<String, Operation> operations = new LinkedHashMap<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> operations.put(operation.getOperationId(), operation)));
        for (JsonNode entry : manifest.path("examples")) {
            String operationId = entry.path("operationId").asText();
            String status = entry.path("status").asText();
            String mediaType = entry.path("mediaType").asText();
            Operation operation = operations.get(operationId);
            APIResponse response = operation == null || operation.getResponses() == null ? null
                    : operation.getResponses().getAPIResponse(status);
            MediaType media = response == null || response.getContent() == null ? null
                    : response.getContent().getMediaType(mediaType);
            if (media == null) {
                throw new IllegalStateException(MANIFEST + " names " + operationId + " " + status + " " + mediaType
                        + ", which the OpenAPI document does not have");
            }
            Object value = mediaType.endsWith("json") ? tree(entry) : text(entry);
            media.setExamples(new LinkedHashMap<>());
            media.addExample(entry.path("name").asText(), OASFactory.createExample()
                    .summary(entry.path("summary").asText())
                    .description("The answer to GET " + entry.path("request").asText())
                    .value(value));
        }
    }

    private static Object tree(JsonNode entry) {
        JsonNode value = read(DIRECTORY + entry.path("file").asText());
        if (value == null) {
            throw new IllegalStateException("missing example " + DIRECTORY + entry.path("file").asText());
        }
        return JSON.convertValue(value, Object.class);
    }

    private static String text(JsonNode entry) {
        try (InputStream in = resource(DIRECTORY + entry.path("file").asText())) {
            if (in == null) {
                throw new IllegalStateException("missing example " + DIRECTORY + entry.path("file").asText());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String name) {
        try (InputStream in = resource(name)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    private static InputStream resource(String name) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
    }
}
