package io.kontor.projects.risk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An entry of a project's risk register; every version of it is kept in {@link RiskChange}. */
@Entity
public class Risk extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID projectId;
    public String title;
    public int probability;
    public int impact;
    public String mitigation;
    public String owner;

    @Enumerated(EnumType.STRING)
    public RiskStatus status;
    /**
     * Whether an escalation is going on (see {@link EscalationRule}); kept so that it is announced only when it starts.
     */
    public boolean escalated;

    public Instant createdAt;
    public Instant updatedAt;

    public int score() {
        return EscalationRule.score(probability, impact);
    }

    /** What a PATCH asks for; null fields stay as they are. */
    public record Revision(
            String title, Integer probability, Integer impact, String mitigation, String owner, RiskStatus status) {}

    /** Applies the revision; returns whether anything changed (an unchanged risk gets no new version). */
    boolean revise(Revision revision) {
        String newTitle = revision.title() != null ? revision.title() : title;
        int newProbability = revision.probability() != null ? revision.probability() : probability;
        int newImpact = revision.impact() != null ? revision.impact() : impact;
        String newMitigation = revision.mitigation() != null ? revision.mitigation() : mitigation;
        String newOwner = revision.owner() != null ? revision.owner() : owner;
        RiskStatus newStatus = revision.status() != null ? revision.status() : status;
        if (newTitle.equals(title)
                && newProbability == probability
                && newImpact == impact
                && Objects.equals(newMitigation, mitigation)
                && newOwner.equals(owner)
                && newStatus == status) {
            return false;
        }
        title = newTitle;
        probability = newProbability;
        impact = newImpact;
        mitigation = newMitigation;
        owner = newOwner;
        status = newStatus;
        return true;
    }

    public List<RiskChange> history() {
        return RiskChange.list("riskId = ?1 order by version", id);
    }

    public static List<Risk> ofProject(UUID projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }
}
