package io.kontor.productdevelopment.requirement;

import io.kontor.platform.persistence.StringListJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An approved requirement as it read in one version; never changed once written. */
@Entity
public class RequirementVersion extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        public UUID requirementId;
        public int version;

        public Key() {}

        Key(UUID requirementId, int version) {
            this.requirementId = requirementId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.requirementId.equals(requirementId) && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(requirementId, version);
        }
    }

    @EmbeddedId
    public Key key;

    public String title;
    public String description;

    @Enumerated(EnumType.STRING)
    public Requirement.Kind kind;

    @Enumerated(EnumType.STRING)
    public Requirement.Priority priority;

    @Convert(converter = StringListJson.class)
    public List<String> acceptanceCriteria;

    public String changedBy;
    public Instant changedAt;

    static RequirementVersion of(Requirement requirement, String changedBy, Instant changedAt) {
        RequirementVersion version = new RequirementVersion();
        version.key = new Key(requirement.id, requirement.version);
        version.title = requirement.title;
        version.description = requirement.description;
        version.kind = requirement.kind;
        version.priority = requirement.priority;
        version.acceptanceCriteria = List.copyOf(requirement.acceptanceCriteria);
        version.changedBy = changedBy;
        version.changedAt = changedAt;
        return version;
    }

    public static List<RequirementVersion> of(UUID requirementId) {
        return list("key.requirementId = ?1 order by key.version", requirementId);
    }

    public static RequirementVersion find(UUID requirementId, int version) {
        return findById(new Key(requirementId, version));
    }
}
