package io.citykpi.livelihood.hotline;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Payloads of the hotline events on {@code citykpi.livelihood.v1}; key = case number. */
public final class HotlineEvents {

    public static final String RECEIVED = "hotline-case-received";
    public static final String ACCEPTED = "hotline-case-accepted";
    public static final String RESOLVED = "hotline-case-resolved";
    public static final String FEEDBACK = "hotline-case-feedback-recorded";
    public static final String SENT_BACK = "hotline-case-sent-back";
    public static final String ESCALATED = "hotline-case-escalated";

    private HotlineEvents() {
    }

    public record CaseReceived(String caseNumber, String orgUnit, CaseType type, boolean proactive,
                               OffsetDateTime receivedAt, OffsetDateTime responseDueAt, OffsetDateTime dueAt,
                               LocalDate effectiveDate) {
    }

    /** onTime: accepted within the response limit (响应率). */
    public record CaseAccepted(String caseNumber, String orgUnit, CaseType type, OffsetDateTime acceptedAt,
                               boolean onTime, LocalDate effectiveDate) {
    }

    /** solved feeds the resolution rate (解决率); onTime compares with the due time of the case type. */
    public record CaseResolved(String caseNumber, String orgUnit, CaseType type, OffsetDateTime resolvedAt,
                               boolean solved, boolean onTime, int reworkCount, LocalDate effectiveDate) {
    }

    public record CaseFeedbackRecorded(String caseNumber, String orgUnit, CaseType type, Feedback feedback,
                                       boolean satisfied, boolean valid, OffsetDateTime feedbackAt,
                                       LocalDate effectiveDate) {
    }

    public record CaseSentBack(String caseNumber, String orgUnit, CaseType type, String reason, int reworkCount,
                               OffsetDateTime sentBackAt, LocalDate effectiveDate) {
    }

    public record CaseEscalated(String caseNumber, String orgUnit, CaseType type, int reworkCount,
                                LocalDate effectiveDate) {
    }
}
