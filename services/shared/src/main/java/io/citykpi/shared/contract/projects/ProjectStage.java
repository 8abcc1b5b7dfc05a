package io.citykpi.shared.contract.projects;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Construction stage. The legal moves follow practice: 谋划 → 储备 → 前期 → 开工 → 竣工 → 投产, with
 * 停缓建 and 复工 during construction, and cancellation possible until the project is completed.
 */
@Schema(description = """
        Construction stage: PLANNED 谋划, RESERVE 储备, PREPARATION 前期, UNDER_CONSTRUCTION 开工/在建,
        COMPLETED 竣工, IN_PRODUCTION 投产, SUSPENDED 停缓建, CANCELLED 取消""")
public enum ProjectStage {
    PLANNED("谋划"),
    RESERVE("储备"),
    PREPARATION("前期"),
    UNDER_CONSTRUCTION("开工/在建"),
    COMPLETED("竣工"),
    IN_PRODUCTION("投产"),
    SUSPENDED("停缓建"),
    CANCELLED("取消");

    private final String label;

    ProjectStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stages this one may move to. */
    public Set<ProjectStage> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(RESERVE, CANCELLED);
            case RESERVE -> EnumSet.of(PREPARATION, CANCELLED);
            case PREPARATION -> EnumSet.of(UNDER_CONSTRUCTION, CANCELLED);
            case UNDER_CONSTRUCTION -> EnumSet.of(COMPLETED, SUSPENDED, CANCELLED);
            case SUSPENDED -> EnumSet.of(UNDER_CONSTRUCTION, CANCELLED);
            case COMPLETED -> EnumSet.of(IN_PRODUCTION);
            case IN_PRODUCTION, CANCELLED -> EnumSet.noneOf(ProjectStage.class);
        };
    }

    public boolean canMoveTo(ProjectStage target) {
        return next().contains(target);
    }

    /** Preparation (前期) or any later stage of a live project: from here on investment is reported. */
    public boolean hasReachedPreparation() {
        return this != PLANNED && this != RESERVE && this != CANCELLED;
    }

    /** A project may enter the register in any stage but these. */
    public boolean isValidInitialStage() {
        return this != SUSPENDED && this != CANCELLED;
    }

    /** Accepts the code (UNDER_CONSTRUCTION) or the Chinese label (开工/在建, or either half of it). */
    public static ProjectStage parse(String value) {
        String v = value.strip();
        for (ProjectStage stage : values()) {
            if (stage.name().equalsIgnoreCase(v) || stage.label.equals(v) || Set.of(stage.label.split("/")).contains(v)) {
                return stage;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
