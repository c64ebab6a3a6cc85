package dev.orderflow.platform.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application assigns (a random UUID, a name) instead of the database. Spring Data takes an
 * entity with a non-null id for a stored one and merges it on {@code save()}, which costs a {@code SELECT} to find the
 * row absent before the {@code INSERT}. This one is new until it has been persisted or loaded, so {@code save()}
 * persists a new one straight away.
 *
 * @param <ID> the type of the id, which the subclass maps and returns from {@link #getId()}
 */
@MappedSuperclass
public abstract class AssignedIdEntity<ID> implements Persistable<ID> {

    @Transient
    private boolean isNew = true;

    protected AssignedIdEntity() {}

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void stored() {
        isNew = false;
    }
}
