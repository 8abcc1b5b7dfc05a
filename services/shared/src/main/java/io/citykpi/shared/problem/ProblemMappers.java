package io.citykpi.shared.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a client can see is problem+json naming the field and the rule: validation (400),
 * unreadable JSON (400), business conflicts (409), unknown ids (404), anything unexpected (500).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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

    @ServerExceptionMapper(priority = 1)
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        return Problems.validation(path(uri), List.of(new Problem.FieldError(jsonPath(e), "UnknownField",
                "is not a field of this request")));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String message;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else {
            message = "cannot be read as " + (e.getTargetType() == null ? "the expected type" : typeName(e.getTargetType()));
        }
        return Problems.validation(path(uri), List.of(new Problem.FieldError(jsonPath(e), "Type", message)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getTargetType() == null ? "has the wrong JSON type"
                : "must be " + typeName(e.getTargetType());
        return Problems.validation(path(uri), List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field,
                "Type", message)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        return Problems.validation(path(uri), List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field,
                "Type", e.getOriginalMessage())));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparseableJson(JsonParseException e, UriInfo uri) {
        return Problems.validation(path(uri), List.of(new Problem.FieldError("(body)", "JsonSyntax",
                "is not well-formed JSON: " + e.getOriginalMessage())));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFields(InvalidFieldsException e, UriInfo uri) {
        return Problems.validation(path(uri), e.errors());
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidQueryParameter(InvalidQueryParameterException e, UriInfo uri) {
        return Problems.validation(path(uri), List.of(new Problem.FieldError(e.parameter(), "Type", e.expectation())));
    }

    @ServerExceptionMapper(priority = 2)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return unparseableJson(parse, uri);
            }
            if (cause instanceof JsonMappingException mapping) {
                return jsonMapping(mapping, uri);
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
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? info.getReasonPhrase() : e.getMessage();
        return Problems.response(status, slug, info.getReasonPhrase(), detail, path(uri), List.of(), Map.of());
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Exception e, UriInfo uri) {
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

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String typeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getName().startsWith("java.time.LocalDate")) {
            return "a date (yyyy-MM-dd)";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 value";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
