package io.kontor.process.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An audit-trail entry restricted on an erasure request (Art. 18 GDPR): kept until its retention ends, outside the
 * chain.
 */
@Entity
@Table(name = "audit_restriction")
public class AuditRestriction extends PanacheEntityBase {

    @Id
    public long seq;

    public Instant restrictedAt;
    public LocalDate keptUntil;
}
