package io.kontor.productdevelopment.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone project-office announced as completed. */
@Entity
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID projectId;
    public String name;
    public UUID offerId;
    public UUID customerId;
    public LocalDate completedOn;
}
