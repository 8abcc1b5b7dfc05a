package io.citykpi.shared.contract;

/** A payload that does not fit its event type's record in the contract; the message names the field. */
public class ContractViolationException extends RuntimeException {

    public ContractViolationException(String reason) {
        super(reason);
    }
}
