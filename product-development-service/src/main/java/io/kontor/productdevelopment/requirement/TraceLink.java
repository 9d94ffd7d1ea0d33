package io.kontor.productdevelopment.requirement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A link from a requirement to its parent, to a requirement it depends on, to a backlog item implementing it or to a
 * test case verifying it. Suspect (as in Polarion and Jama) from the moment either end changes after approval until
 * someone confirms the other end still fits.
 */
@Entity
public class TraceLink extends PanacheEntityBase {

    public enum Kind {
        PARENT,
        DEPENDS_ON,
        IMPLEMENTED_BY,
        VERIFIED_BY
    }

    @Id
    public UUID id;

    public UUID requirementId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public UUID targetId;
    public boolean suspect;
    /** The version of the changed requirement that made the link suspect. */
    public Integer suspectSince;

    public Instant createdAt;
    public String confirmedBy;
    public Instant confirmedAt;

    public static TraceLink create(UUID requirementId, Kind kind, UUID targetId, Instant now) {
        TraceLink link = new TraceLink();
        link.id = UUID.randomUUID();
        link.requirementId = requirementId;
        link.kind = kind;
        link.targetId = targetId;
        link.suspect = false;
        link.createdAt = now;
        link.persist();
        return link;
    }

    public static List<TraceLink> from(UUID requirementId) {
        return list("requirementId = ?1 order by kind, createdAt", requirementId);
    }

    public static List<TraceLink> from(UUID requirementId, Kind kind) {
        return list("requirementId = ?1 and kind = ?2 order by createdAt", requirementId, kind);
    }

    public static List<TraceLink> to(UUID targetId, Kind kind) {
        return list("targetId = ?1 and kind = ?2 order by createdAt", targetId, kind);
    }

    public static List<TraceLink> ofKind(Kind kind) {
        return list("kind", kind);
    }

    public static List<TraceLink> ofKinds(Collection<Kind> kinds) {
        return list("kind in ?1", kinds);
    }
}
