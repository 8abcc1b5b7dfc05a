package io.citykpi.shared.problem;

import jakarta.ws.rs.BadRequestException;

/** A query or path parameter that cannot be read as its type; answered as a 400 naming the parameter. */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String expectation;

    public InvalidParameterException(String parameter, String expectation) {
        super(parameter + " " + expectation);
        this.parameter = parameter;
        this.expectation = expectation;
    }

    public String parameter() {
        return parameter;
    }

    public String expectation() {
        return expectation;
    }
}
