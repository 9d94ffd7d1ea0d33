package io.kontor.hr.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Entity
public class Interview extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID applicationId;
    public String interviewer;
    /** Criterion → score from 1 (poor) to 5 (excellent). */
    @Convert(converter = ScoresJson.class)
    @Column(columnDefinition = "text")
    public Map<String, Integer> scores;

    public String notes;
    public Instant heldAt;

    public static List<Interview> of(UUID applicationId) {
        return list("applicationId = ?1 order by heldAt", applicationId);
    }
}
