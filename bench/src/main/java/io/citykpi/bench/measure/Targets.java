package io.citykpi.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citykpi.bench.Gateway;
import io.citykpi.bench.Log;
import io.citykpi.bench.Settings;
import io.citykpi.bench.http.Http;
import io.citykpi.bench.report.Figures;
import io.citykpi.shared.time.BusinessTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * {@code targets}: sets the work report's targets (the demo's, {@code --targets-file}) for every year
 * of the generated history ({@code --years}, 5, ending this year) through the gateway's targets API,
 * so that scorecards, statuses and alerts have something to compare with.
 */
public final class Targets {

    private Targets() {
    }

    public static void run(Settings settings, Figures figures) throws Exception {
        Http http = new Http(settings);
        Gateway gateway = new Gateway(settings, http);
        JsonNode file = Http.MAPPER.readTree(Files.readString(Path.of(settings.text("targets-file",
                "demo/data/liaoyuan-2025/targets.json"))));
        String sourceYear = file.path("year").asText();
        int last = LocalDate.now(BusinessTime.ZONE).getYear();
        int count = 0;
        for (int year = last - (int) settings.number("years", 5) + 1; year <= last; year++) {
            for (JsonNode target : file.path("targets")) {
                ObjectNode body = Http.MAPPER.createObjectNode();
                body.set("value", target.path("value"));
                if (target.has("phasing")) {
                    ArrayNode phasing = body.putArray("phasing");
                    for (JsonNode point : target.path("phasing")) {
                        phasing.addObject().put("period", point.path("period").asText().replace(sourceYear, Integer.toString(year)))
                                .set("value", point.path("value"));
                    }
                }
                body.put("note", "bench: " + target.path("quote").asText());
                String url = gateway.api() + "/api/v1/targets/" + year + "/" + target.path("kpiId").asText() + "/"
                        + target.path("orgUnit").asText();
                Http.Answer answer = http.send("PUT", url, body);
                if (!answer.ok()) {
                    throw new IllegalStateException("PUT " + url + " answered " + answer.status() + ": " + answer.body());
                }
                count++;
            }
        }
        Log.info("Set %d targets (the demo's, for every year of history)", count);
    }
}
