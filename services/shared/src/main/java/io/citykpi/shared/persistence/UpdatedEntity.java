package io.citykpi.shared.persistence;

import io.citykpi.shared.security.Actor;
import io.citykpi.shared.security.Callers;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * A row changed in place (a correction, an edit, a status) that keeps who changed it last beside its
 * {@code updated_at}, and who recorded it first ({@link RecordedEntity}).
 */
@MappedSuperclass
public abstract class UpdatedEntity extends RecordedEntity {

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_by_id")
    public String updatedById;

    @PrePersist
    @PreUpdate
    void stampUpdater() {
        Actor actor = Callers.currentActor();
        updatedBy = actor.name();
        updatedById = actor.id();
    }
}
