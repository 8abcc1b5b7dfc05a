package io.citykpi.shared.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a URI or a body that is too long before anything reads it, with a problem+json answer:
 * Vert.x itself would answer both with an empty body. The URI limit is {@value #MAX_URI_LENGTH}
 * characters; the HTTP decoder accepts initial lines up to {@code quarkus.http.limits.max-initial-line-length}
 * (64 KiB by default, see META-INF/microprofile-config.properties), so only lines longer than that still get
 * Vert.x's bare 414. The body limit is {@code quarkus.http.limits.max-body-size} (10 MiB by default), judged here
 * by Content-Length; a chunked body over it is stopped by Quarkus REST while reading (a 413 problem as well).
 */
@ApplicationScoped
public class RequestLimits {

    public static final int MAX_URI_LENGTH = 8192;
    private static final int MAX_INSTANCE_LENGTH = 200;

    private final long maxBodyBytes;
    private final ObjectMapper mapper;

    public RequestLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                         MemorySize maxBody, ObjectMapper mapper) {
        this.maxBodyBytes = maxBody.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_URI_LENGTH) {
            answer(context, 414, "uri-too-long", "URI Too Long", "The path and query are " + request.uri().length()
                    + " characters long; at most " + MAX_URI_LENGTH + " are accepted");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                long bytes = Long.parseLong(length.strip());
                if (bytes > maxBodyBytes) {
                    context.response().putHeader(HttpHeaders.CONNECTION, "close");
                    answer(context, 413, "payload-too-large", "Content Too Large", "The body is " + bytes
                            + " bytes long; at most " + maxBodyBytes + " are accepted");
                    return;
                }
            } catch (NumberFormatException e) {
                answer(context, 400, "bad-request", "Bad Request", "Content-Length is not a number");
                return;
            }
        }
        context.next();
    }

    private void answer(RoutingContext context, int status, String slug, String title, String detail) {
        String path = context.request().path();
        String instance = path == null ? null
                : path.length() > MAX_INSTANCE_LENGTH ? path.substring(0, MAX_INSTANCE_LENGTH) + "…" : path;
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, instance, List.of(), Map.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always writable", e);
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
