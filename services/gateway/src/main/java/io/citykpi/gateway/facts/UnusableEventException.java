package io.citykpi.gateway.facts;

/** A well-formed CloudEvent whose payload breaks the contract; retrying will not help. */
public class UnusableEventException extends RuntimeException {

    public UnusableEventException(String reason) {
        super(reason);
    }
}
