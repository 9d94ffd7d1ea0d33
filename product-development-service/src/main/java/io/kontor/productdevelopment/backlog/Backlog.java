package io.kontor.productdevelopment.backlog;

import io.kontor.platform.persistence.Found;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** An ordered list of work; one per product or per project. */
@Entity
public class Backlog extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    /** The project whose work this is; null for a product backlog. */
    public UUID projectId;

    public Instant createdAt;

    /** Locked: ranks are given out one change at a time, so two moves cannot pick the same gap. */
    static Backlog lock(UUID id) {
        Backlog backlog = Found.lockedById(Backlog.class, id, "backlog");
        return backlog;
    }
}
