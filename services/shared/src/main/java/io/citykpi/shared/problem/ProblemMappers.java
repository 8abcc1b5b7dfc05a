package io.citykpi.shared.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.citykpi.shared.persistence.DatabaseFailures;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a client can see is problem+json naming the field and the rule: validation (400),
 * unreadable JSON (400), business conflicts and lost races (409), unknown ids (404), a database
 * that cannot be reached (503 with Retry-After), anything unexpected (500).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait after a 503: a few pool acquisition timeouts. */
    static final int RETRY_AFTER_SECONDS = 10;

    @ServerExceptionMapper
    public Response businessRule(ProblemException e, UriInfo uri) {
        return Problems.response(e.status(), e.slug(), e.title(), e.getMessage(), path(uri), List.of(), e.context());
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue);
        if (returnValue) {
            LOG.errorf(e, "Response failed its own validation on %s", path(uri));
            return Problems.response(500, "internal", "Internal error", "The service produced an invalid response",
                    path(uri), List.of(), Map.of());
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath()), rule(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::rule))
                .toList();
        return Problems.validation(path(uri), errors);
    }

    /** Unreadable JSON of any kind (syntax, duplicate keys, trailing data, wrong types, NUL): 400 naming the field. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return Problems.validation(path(uri), List.of(JsonProblems.error(e)));
    }

    /** Quarkus REST maps this subtype itself (an empty 400 in production): the nearest mapper wins, so name it. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /** As above, for a body that cannot become the request's type at all. */
    @ServerExceptionMapper(priority = 1)
    public Response undefinedJson(InvalidDefinitionException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFields(InvalidFieldsException e, UriInfo uri) {
        return Problems.validation(path(uri), e.errors());
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return Problems.validation(path(uri), List.of(new Problem.FieldError(e.parameter(), "Type", e.expectation())));
    }

    @ServerExceptionMapper(priority = 2)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType info = original.getStatusInfo();
        if (status >= 500) {
            LOG.errorf(e, "Request to %s failed", path(uri));
        }
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? info.getReasonPhrase() : e.getMessage();
        return Problems.response(status, slug, info.getReasonPhrase(), detail, path(uri), List.of(), Map.of());
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Exception e, UriInfo uri) {
        switch (DatabaseFailures.classify(e)) {
            case CONFLICT -> {
                LOG.infof("Lost a race on %s: %s", path(uri), DatabaseFailures.rootMessage(e));
                return Problems.response(409, "concurrent-modification", "Conflict with the current state",
                        "Another request changed the same record at the same time; read it again and retry",
                        path(uri), List.of(), Map.of());
            }
            case UNAVAILABLE -> {
                LOG.warnf("Database unavailable during %s: %s", path(uri), DatabaseFailures.rootMessage(e));
                Response problem = Problems.response(503, "database-unavailable", "Service unavailable",
                        "The service's database (PostgreSQL) cannot be reached; nothing was changed. Try again later",
                        path(uri), List.of(), Map.of());
                return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
            case DATA -> {
                LOG.warnf("A value passed validation but not the database on %s: %s", path(uri),
                        DatabaseFailures.rootMessage(e));
                return Problems.validation(path(uri), List.of(new Problem.FieldError("(request)", "Storable",
                        "holds a value the database cannot store (too long or out of range)")));
            }
            default -> {
                // a defect: logged below and answered 500
            }
        }
        LOG.errorf(e, "Unexpected error on %s", path(uri));
        return Problems.response(500, "internal", "Internal error",
                "The request could not be completed; the error has been logged", path(uri), List.of(), Map.of());
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code register.request.hazards[0].deadline} → {@code hazards[0].deadline}; a bare parameter keeps its name. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            // The index of a list element is carried by the node that follows the list.
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "(body)" : parameter;
    }

    private static String rule(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
