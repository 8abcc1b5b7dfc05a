package io.citykpi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * docs/asyncapi.yaml as an executable contract: finds the message whose {@code name} is the record's
 * {@code ce_type}, checks that it is declared on the record's channel, and validates headers and
 * payload against the document's JSON Schemas. A test that publishes something the document does not
 * describe fails, so the document cannot drift from the code.
 */
public final class AsyncApiContract {

    private static final String DOCUMENT = "docs/asyncapi.yaml";

    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final ObjectMapper json = new ObjectMapper();

    private AsyncApiContract(JsonNode document) {
        this.document = document;
    }

    public static AsyncApiContract load() {
        Path file = Files2.findUpwards(DOCUMENT);
        if (file == null) {
            throw new IllegalStateException(DOCUMENT + " not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return new AsyncApiContract(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation found; empty when the record matches the contract. */
    public List<String> violations(ConsumerRecord<String, byte[]> record) {
        List<String> problems = new ArrayList<>();
        Map<String, String> headers = new TreeMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String type = headers.get("ce_type");
        String messageKey = messageKey(type);
        if (messageKey == null) {
            problems.add("no message named '" + type + "' in " + DOCUMENT);
            return problems;
        }
        if (!channelCarries(record.topic(), messageKey)) {
            problems.add("channel for topic " + record.topic() + " does not list message " + messageKey);
        }
        JsonNode message = document.path("components").path("messages").path(messageKey);
        problems.addAll(validate(message.path("headers"), json.valueToTree(headers), "headers"));
        try {
            problems.addAll(validate(message.path("payload"), json.readTree(record.value()), "payload"));
        } catch (IOException e) {
            problems.add("payload is not JSON: " + e.getMessage());
        }
        return problems;
    }

    private List<String> validate(JsonNode schemaRef, JsonNode value, String what) {
        if (schemaRef.isMissingNode()) {
            return List.of(what + " schema missing");
        }
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        root.setAll((ObjectNode) schemaRef.deepCopy());
        JsonSchema schema = factory.getSchema(root);
        Set<ValidationMessage> messages = schema.validate(value);
        return messages.stream().map(m -> what + ": " + m.getMessage()).toList();
    }

    private String messageKey(String type) {
        if (type == null) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> messages = document.path("components").path("messages").fields();
        while (messages.hasNext()) {
            Map.Entry<String, JsonNode> entry = messages.next();
            if (type.equals(entry.getValue().path("name").asText())) {
                return entry.getKey();
            }
        }
        return null;
    }

    private boolean channelCarries(String topic, String messageKey) {
        Iterator<JsonNode> channels = document.path("channels").elements();
        while (channels.hasNext()) {
            JsonNode channel = channels.next();
            if (topic.equals(channel.path("address").asText())) {
                Iterator<JsonNode> messages = channel.path("messages").elements();
                while (messages.hasNext()) {
                    if (messages.next().path("$ref").asText().endsWith("/" + messageKey)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
