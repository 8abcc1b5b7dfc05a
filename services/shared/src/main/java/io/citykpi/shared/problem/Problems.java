package io.citykpi.shared.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, String instance,
                                    List<Problem.FieldError> errors, Map<String, Object> context) {
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, instance, errors, context);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response validation(String instance, List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid";
        return response(400, "validation", "Request is not valid", detail, instance, errors, Map.of());
    }
}
