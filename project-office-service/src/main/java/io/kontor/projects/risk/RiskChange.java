package io.kontor.projects.risk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One version of a risk as it was after a change, and who made it: the register's history, never edited. */
@Entity
public class RiskChange extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID riskId;
    public int version;
    public Instant changedAt;
    public String changedBy;
    public String title;
    public int probability;
    public int impact;
    public int score;
    public String mitigation;
    public String owner;

    @Enumerated(EnumType.STRING)
    public RiskStatus status;

    public boolean escalated;

    static RiskChange of(Risk risk, int version, Instant at, String by) {
        RiskChange change = new RiskChange();
        change.id = UUID.randomUUID();
        change.riskId = risk.id;
        change.version = version;
        change.changedAt = at;
        change.changedBy = by;
        change.title = risk.title;
        change.probability = risk.probability;
        change.impact = risk.impact;
        change.score = risk.score();
        change.mitigation = risk.mitigation;
        change.owner = risk.owner;
        change.status = risk.status;
        change.escalated = risk.escalated;
        return change;
    }
}
