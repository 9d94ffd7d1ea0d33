package io.kontor.process.monitor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A breach already announced: one per case and wait (the last step it was stuck after). */
@Entity
public class SlaBreach extends PanacheEntityBase {

    /** {@code <case id>@<time of the last step>}. */
    @Id
    public String id;

    public UUID caseId;
    public Instant breachedAt;

    public static String id(UUID caseId, Instant lastEventAt) {
        return caseId + "@" + lastEventAt;
    }
}
