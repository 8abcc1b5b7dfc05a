package io.citykpi.safety.hazard;

public enum ExtensionStatus {
    PENDING, APPROVED, REJECTED
}
