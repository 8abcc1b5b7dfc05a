package io.citykpi.shared.problem;

import java.util.List;

/**
 * A rule a service checks itself (it needs the database or several fields at once) was broken by
 * the request; answered as a 400 validation problem, like a Bean Validation failure.
 */
public class InvalidFieldsException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidFieldsException(List<Problem.FieldError> errors) {
        super(errors.size() + " invalid fields");
        this.errors = List.copyOf(errors);
    }

    public static InvalidFieldsException of(String field, String rule, String message) {
        return new InvalidFieldsException(List.of(new Problem.FieldError(field, rule, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
