package io.citykpi.shared.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Gives a retried POST its first answer instead of a second record. The key is claimed, the
 * resource method runs and its answer is stored in one transaction, which the service's own
 * {@code @Transactional} joins: what the request wrote and the stored answer commit together or not
 * at all. A failed request stores nothing, so it may be retried with the same key. Requests without
 * the header are not affected.
 *
 * <p>The fingerprint is the SHA-256 of the operation (method and path) and the request as the
 * service read it (so whitespace and the order of JSON fields do not matter).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    private static final Logger LOG = Logger.getLogger(IdempotencyInterceptor.class);
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyKeys keys;
    private final HttpHeaders headers;
    private final UriInfo uri;
    private final ObjectMapper mapper;

    public IdempotencyInterceptor(IdempotencyKeys keys, HttpHeaders headers, UriInfo uri, ObjectMapper mapper) {
        this.keys = keys;
        this.headers = headers;
        this.uri = uri;
        this.mapper = mapper;
    }

    @AroundInvoke
    Object idempotent(InvocationContext invocation) throws Exception {
        String key = headers.getHeaderString(Idempotent.HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        checkKey(key);
        String operation = "POST /" + uri.getPath().replaceFirst("^/", "");
        String fingerprint = fingerprint(operation, invocation);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<IdempotencyKeys.Stored> stored = keys.claim(key, operation, fingerprint);
                if (stored.isPresent()) {
                    return replay(key, stored.get(), fingerprint, invocation);
                }
                Object result = proceed(invocation);
                store(key, result);
                return result;
            });
        } catch (Wrapped e) {
            throw e.checked;
        }
    }

    private Object replay(String key, IdempotencyKeys.Stored stored, String fingerprint, InvocationContext invocation)
            throws Exception {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key " + key
                    + " was used for another request (" + stored.operation() + " with another body); use a new key "
                    + "for a new request", Map.of("idempotencyKey", key));
        }
        LOG.infof("Idempotency-Key %s: %s repeated, answering as the first time (%d)", key, stored.operation(),
                stored.status());
        Class<?> type = invocation.getMethod().getReturnType();
        if (Response.class.isAssignableFrom(type)) {
            Response.ResponseBuilder response = Response.status(stored.status());
            if (stored.location() != null) {
                response.location(URI.create(stored.location()));
            }
            if (stored.body() != null) {
                response.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return response.build();
        }
        if (type == void.class || stored.body() == null) {
            return null;
        }
        return mapper.readValue(stored.body(), mapper.constructType(invocation.getMethod().getGenericReturnType()));
    }

    private void store(String key, Object result) throws Exception {
        int status = result == null ? 204 : 200;
        String location = null;
        Object entity = result;
        if (result instanceof Response response) {
            status = response.getStatus();
            location = response.getLocation() == null ? null : response.getLocation().toString();
            entity = response.getEntity();
        }
        keys.answer(key, status, location, entity == null ? null : mapper.writeValueAsString(entity));
    }

    private String fingerprint(String operation, InvocationContext invocation) throws Exception {
        List<Object> request = new ArrayList<>();
        for (Object argument : invocation.getParameters()) {
            if (argument == null || !isContext(argument)) {
                request.add(argument);
            }
        }
        byte[] bytes = (operation + "\n" + mapper.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static boolean isContext(Object argument) {
        String name = argument.getClass().getName();
        return argument instanceof UriInfo || argument instanceof HttpHeaders || name.startsWith("io.vertx.")
                || name.startsWith("org.jboss.resteasy.reactive.");
    }

    private static void checkKey(String key) {
        boolean visibleAscii = key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !visibleAscii) {
            throw InvalidFieldsException.of(Idempotent.HEADER, "IdempotencyKey",
                    "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters, e.g. a UUID");
        }
    }

    private static Object proceed(InvocationContext invocation) {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Wrapped(e);
        }
    }

    /** Carries a checked exception of the resource method through the transaction lambda. */
    private static final class Wrapped extends RuntimeException {
        private final Exception checked;

        Wrapped(Exception checked) {
            super(checked);
            this.checked = checked;
        }
    }
}
