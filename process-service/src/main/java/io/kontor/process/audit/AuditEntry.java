package io.kontor.process.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** One link of the audit trail; written once, never changed (the table refuses UPDATE and DELETE). */
@Entity
public class AuditEntry extends PanacheEntityBase {

    public enum Kind {
        DOMAIN_EVENT,
        ADMINISTRATIVE_ACT
    }

    @Id
    public long seq;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public RecordKind recordKind;

    public String eventId;
    public String eventType;
    public String topic;
    public String subject;
    public String actor;
    public Instant occurredAt;
    public Instant recordedAt;
    public LocalDate retainUntil;
    public String payload;
    public String previousHash;
    public String hash;
}
