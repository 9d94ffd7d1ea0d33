package io.kontor.productdevelopment.backlog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A time box of a backlog with a capacity in the unit of the estimates (story points). */
@Entity
public class Iteration extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID backlogId;
    public String name;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public BigDecimal capacity;
    public Instant createdAt;

    public static List<Iteration> of(UUID backlogId) {
        return list("backlogId = ?1 order by startsOn, createdAt", backlogId);
    }
}
