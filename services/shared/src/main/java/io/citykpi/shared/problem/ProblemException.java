package io.citykpi.shared.problem;

import java.util.Map;

/** A business rule refused the request; mapped to problem+json with the given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> context;

    public ProblemException(int status, String slug, String title, String detail, Map<String, Object> context) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.context = context == null ? Map.of() : Map.copyOf(context);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", Map.of());
    }

    public static ProblemException conflict(String slug, String detail, Map<String, Object> context) {
        return new ProblemException(409, slug, "Conflict with the current state", detail, context);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> context() {
        return context;
    }
}
