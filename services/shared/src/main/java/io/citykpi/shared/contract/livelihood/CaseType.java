package io.citykpi.shared.contract.livelihood;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "EMERGENCY 紧急, COMPLAINT 投诉, ENQUIRY 咨询, HELP_REQUEST 求助, SUGGESTION 建议")
public enum CaseType {
    EMERGENCY, COMPLAINT, ENQUIRY, HELP_REQUEST, SUGGESTION;

    public String configKey() {
        return name().toLowerCase().replace('_', '-');
    }
}
