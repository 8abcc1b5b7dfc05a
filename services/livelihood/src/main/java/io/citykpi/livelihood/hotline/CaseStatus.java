package io.citykpi.livelihood.hotline;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** received → accepted → resolved → closed (feedback); a rework sends a resolved or closed case back to accepted. */
@Schema(description = "RECEIVED 已受理登记, ACCEPTED 已响应/办理中, RESOLVED 已办结, CLOSED 已回访")
public enum CaseStatus {
    RECEIVED, ACCEPTED, RESOLVED, CLOSED
}
