package io.citykpi.livelihood.hotline;

import io.citykpi.shared.persistence.RecordedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

@Entity
@Table(name = "hotline_case_history")
public class CaseHistory extends RecordedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, length = 40)
    public String caseNumber;

    @Column(nullable = false, length = 30)
    public String action;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(length = 500)
    public String detail;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    public static List<CaseHistory> of(String caseNumber) {
        return list("caseNumber = ?1 order by id", caseNumber);
    }

    static void record(String caseNumber, String action, OffsetDateTime occurredAt, String detail, OffsetDateTime now) {
        CaseHistory entry = new CaseHistory();
        entry.caseNumber = caseNumber;
        entry.action = action;
        entry.occurredAt = occurredAt;
        entry.detail = detail;
        entry.recordedAt = now;
        entry.persist();
    }
}
