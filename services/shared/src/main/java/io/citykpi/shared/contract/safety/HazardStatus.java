package io.citykpi.shared.contract.safety;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** open → rectified → (verified, passed) closed; a failed verification reopens it. */
@Schema(description = "OPEN 待整改, RECTIFIED 已整改待验收, CLOSED 已验收销号")
public enum HazardStatus {
    OPEN, RECTIFIED, CLOSED
}
