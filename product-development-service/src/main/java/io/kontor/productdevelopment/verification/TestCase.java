package io.kontor.productdevelopment.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How to show that a requirement is met, usually one per acceptance criterion. */
@Entity
public class TestCase extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID requirementId;
    public String title;
    public String steps;
    public Instant createdAt;

    public static List<TestCase> of(UUID requirementId) {
        return list("requirementId = ?1 order by createdAt, title", requirementId);
    }
}
