package io.citykpi.shared.persistence;

import io.citykpi.shared.security.Actor;
import io.citykpi.shared.security.Callers;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;

/**
 * A row that keeps who recorded it, beside its {@code recorded_at}: the user name and the token subject
 * of the request that inserted it ({@code system:<service>} for a scheduled job). Null only in rows
 * recorded before the services checked tokens.
 */
@MappedSuperclass
public abstract class RecordedEntity extends PanacheEntityBase {

    @Column(name = "recorded_by", updatable = false)
    public String recordedBy;

    @Column(name = "recorded_by_id", updatable = false)
    public String recordedById;

    @PrePersist
    void stampRecorder() {
        Actor actor = Callers.currentActor();
        recordedBy = actor.name();
        recordedById = actor.id();
    }
}
