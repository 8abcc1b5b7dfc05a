package io.citykpi.shared.contract.livelihood;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Payloads of the hotline (12345) events on {@code citykpi.livelihood.v1}; key = case number. */
public final class HotlineEvents {

    public static final String RECEIVED = "citykpi.livelihood.hotline-case-received.v1";
    public static final String ACCEPTED = "citykpi.livelihood.hotline-case-accepted.v1";
    public static final String RESOLVED = "citykpi.livelihood.hotline-case-resolved.v1";
    public static final String FEEDBACK = "citykpi.livelihood.hotline-case-feedback-recorded.v1";
    public static final String SENT_BACK = "citykpi.livelihood.hotline-case-sent-back.v1";
    public static final String ESCALATED = "citykpi.livelihood.hotline-case-escalated.v1";

    private HotlineEvents() {
    }

    public record CaseReceived(@NotBlank String caseNumber, @NotBlank String orgUnit, @NotNull CaseType type,
                               boolean proactive, @NotNull OffsetDateTime receivedAt, OffsetDateTime responseDueAt,
                               OffsetDateTime dueAt, @NotNull LocalDate effectiveDate) {
    }

    /** onTime: accepted within the response limit (响应率). */
    public record CaseAccepted(@NotBlank String caseNumber, @NotBlank String orgUnit, CaseType type,
                               OffsetDateTime acceptedAt, boolean onTime, @NotNull LocalDate effectiveDate) {
    }

    /** solved feeds the resolution rate (解决率); onTime compares with the due time of the case type. */
    public record CaseResolved(@NotBlank String caseNumber, @NotBlank String orgUnit, CaseType type,
                               OffsetDateTime resolvedAt, boolean solved, boolean onTime, int reworkCount,
                               @NotNull LocalDate effectiveDate) {
    }

    public record CaseFeedbackRecorded(@NotBlank String caseNumber, @NotBlank String orgUnit, CaseType type,
                                       Feedback feedback, boolean satisfied, boolean valid, OffsetDateTime feedbackAt,
                                       @NotNull LocalDate effectiveDate) {
    }

    public record CaseSentBack(@NotBlank String caseNumber, @NotBlank String orgUnit, CaseType type, String reason,
                               int reworkCount, OffsetDateTime sentBackAt, @NotNull LocalDate effectiveDate) {
    }

    public record CaseEscalated(@NotBlank String caseNumber, @NotBlank String orgUnit, CaseType type, int reworkCount,
                                @NotNull LocalDate effectiveDate) {
    }
}
