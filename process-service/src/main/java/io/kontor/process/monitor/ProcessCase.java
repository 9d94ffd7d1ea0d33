package io.kontor.process.monitor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One run of a process about one root object (an offer, an overdue invoice, a staffing request). */
@Entity
public class ProcessCase extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    @Id
    public UUID id;

    public String process;
    public String rootObject;
    public String status;
    public Instant startedAt;
    public Instant lastEventAt;
    public Instant closedAt;
}
