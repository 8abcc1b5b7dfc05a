package io.citykpi.shared.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details. {@code errors} lists every rejected field with the rule it broke;
 * {@code allowed} carries, for example, the legal next stages of a 409.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
public record Problem(
        @Schema(required = true, description = "URI naming the kind of problem", example = "https://citykpi.io/problems/validation")
        String type,
        @Schema(required = true, description = "Short summary of the kind of problem", example = "Request is not valid")
        String title,
        @Schema(required = true, description = "HTTP status", example = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence", example = "1 field is not valid")
        String detail,
        @Schema(description = "The request path", example = "/api/v1/projects")
        String instance,
        @Schema(description = "One entry per rejected field")
        List<FieldError> errors,
        @Schema(description = "Further machine-readable facts, e.g. allowed values")
        Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://citykpi.io/problems/";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "JSON path of the field, or the query/path parameter name", example = "totalInvestment")
            String field,
            @Schema(description = "The rule that was broken", example = "DecimalMin")
            String rule,
            @Schema(description = "Human-readable explanation", example = "must be greater than 0")
            String message) {
    }
}
