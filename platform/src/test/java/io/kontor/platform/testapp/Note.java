package io.kontor.platform.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** The aggregate of the test application that exercises the platform. */
@Entity
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;
    public String status;
}
