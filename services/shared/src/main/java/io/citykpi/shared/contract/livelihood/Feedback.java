package io.citykpi.shared.contract.livelihood;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "SATISFIED 满意, BASICALLY_SATISFIED 基本满意, UNSATISFIED 不满意, NO_ANSWER 未接通/未评价. "
        + "Satisfaction rate = (satisfied + basically satisfied) ÷ valid feedback (all but NO_ANSWER).")
public enum Feedback {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED, NO_ANSWER;

    public boolean satisfied() {
        return this == SATISFIED || this == BASICALLY_SATISFIED;
    }

    public boolean valid() {
        return this != NO_ANSWER;
    }
}
