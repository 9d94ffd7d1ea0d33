package io.kontor.projects.milestone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A requirement a milestone delivers, as product development last announced it. */
@Entity
public class MilestoneRequirement extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        public UUID milestoneId;
        public UUID requirementId;

        public Key() {}

        Key(UUID milestoneId, UUID requirementId) {
            this.milestoneId = milestoneId;
            this.requirementId = requirementId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && key.milestoneId.equals(milestoneId)
                    && key.requirementId.equals(requirementId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(milestoneId, requirementId);
        }
    }

    @EmbeddedId
    public Key key;

    public String number;
    public String title;
    public int version;

    static void remember(UUID milestoneId, UUID requirementId, String number, String title, int version) {
        MilestoneRequirement requirement = findById(new Key(milestoneId, requirementId));
        if (requirement == null) {
            requirement = new MilestoneRequirement();
            requirement.key = new Key(milestoneId, requirementId);
            requirement.number = number;
            requirement.title = title;
            requirement.version = version;
            requirement.persist();
        } else if (version >= requirement.version) {
            // A later item may carry a later version of the requirement; an earlier one arriving late does not undo it.
            requirement.number = number;
            requirement.title = title;
            requirement.version = version;
        }
    }

    public static List<MilestoneRequirement> of(UUID milestoneId) {
        return list("key.milestoneId = ?1 order by number", milestoneId);
    }
}
