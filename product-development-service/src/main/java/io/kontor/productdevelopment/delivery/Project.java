package io.kontor.productdevelopment.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A project as project-office announced it: which offer and customer it delivers. */
@Entity
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    public UUID customerId;
    public UUID offerId;

    public static Project ofOffer(UUID offerId) {
        return find("offerId", offerId).firstResult();
    }
}
