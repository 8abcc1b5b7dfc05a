package io.citykpi.gateway.query;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where each domain service answers, so that an explanation can link to the records behind a value. */
@ConfigMapping(prefix = "citykpi.kpi.source-urls")
public interface SourceLinks {

    @WithDefault("http://127.0.0.1:8081")
    String projects();

    @WithDefault("http://127.0.0.1:8082")
    String investment();

    @WithDefault("http://127.0.0.1:8083")
    String livelihood();

    @WithDefault("http://127.0.0.1:8084")
    String safetyInspection();

    default String link(String source, String path) {
        String base = switch (source) {
            case "/citykpi/projects" -> projects();
            case "/citykpi/investment" -> investment();
            case "/citykpi/livelihood" -> livelihood();
            case "/citykpi/safety-inspection" -> safetyInspection();
            default -> "";
        };
        return base.replaceAll("/+$", "") + path;
    }
}
