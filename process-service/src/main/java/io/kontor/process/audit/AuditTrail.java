package io.kontor.process.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.audit.AdminActRecorded;
import io.kontor.platform.persistence.Filter;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Appends to the hash-chained audit trail and verifies it. Appends are serialised by a row lock on the head, so the
 * chain has one order whatever the number of consumers; each runs in the caller's transaction, so an event is in the
 * trail exactly when its inbox row is (redelivery = no second entry).
 */
@ApplicationScoped
public class AuditTrail {

    private static final int VERIFY_BATCH = 1000;

    @Inject
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    @Inject
    ObjectMapper json;

    /** A domain event as it arrived (type, topic, subject, time and data). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry recordEvent(IncomingEvent event) {
        AuditEntry entry = new AuditEntry();
        entry.kind = AuditEntry.Kind.DOMAIN_EVENT;
        entry.recordKind = RecordKind.ofEventType(event.type());
        entry.eventId = event.id();
        entry.eventType = event.type();
        entry.topic = event.topic();
        entry.subject = event.subject() != null ? event.subject() : event.key();
        entry.actor = event.source();
        entry.occurredAt = event.time() != null ? event.time().toInstant() : calendar.now();
        entry.payload = AuditChain.canonicalJson(event.payload());
        return append(entry);
    }

    /**
     * An administrative act another service (or this one) recorded through {@code audit.acts}: who did what to which
     * object there, with the whole event as its payload. Its {@code ce_id} is the entry's event id, so it is in the
     * trail once however often it is delivered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry recordAdminAct(IncomingEvent event, AdminActRecorded act) {
        AuditEntry entry = new AuditEntry();
        entry.kind = AuditEntry.Kind.ADMINISTRATIVE_ACT;
        entry.recordKind = AdminActRecorded.READ.equals(act.category()) ? RecordKind.ACCESS : RecordKind.ADMINISTRATIVE;
        entry.eventId = event.id();
        entry.eventType = act.act();
        entry.topic = event.topic();
        entry.subject = act.target();
        entry.actor = act.actor();
        entry.occurredAt = act.at() != null ? act.at() : calendar.now();
        entry.payload = AuditChain.canonicalJson(event.payload());
        return append(entry);
    }

    /** An administrative act: who did what to which object, with its details. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry recordAct(String act, String actor, String subject, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry();
        entry.kind = AuditEntry.Kind.ADMINISTRATIVE_ACT;
        entry.recordKind = RecordKind.ADMINISTRATIVE;
        entry.eventType = act;
        entry.subject = subject;
        entry.actor = actor;
        entry.occurredAt = calendar.now();
        try {
            entry.payload = AuditChain.canonicalJson(json.writeValueAsString(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("details of " + act + " are not JSON", e);
        }
        return append(entry);
    }

    private AuditEntry append(AuditEntry entry) {
        Object[] head = (Object[]) em.createNativeQuery("select seq, hash from audit_head where id = 1 for update")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        String previousHash = (String) head[1];
        // PostgreSQL keeps microseconds: the hash must cover what is stored, not what Java held.
        Instant now = calendar.now().truncatedTo(ChronoUnit.MICROS);
        entry.seq = seq;
        entry.occurredAt = entry.occurredAt.truncatedTo(ChronoUnit.MICROS);
        entry.recordedAt = now;
        entry.retainUntil =
                entry.recordKind.retainUntil(now.atZone(calendar.zone()).toLocalDate());
        entry.previousHash = previousHash;
        entry.hash = AuditChain.hash(previousHash, entry);
        entry.persist();
        em.createNativeQuery("update audit_head set seq = ?1, hash = ?2 where id = 1")
                .setParameter(1, seq)
                .setParameter(2, entry.hash)
                .executeUpdate();
        return entry;
    }

    /** Recomputes the whole chain in batches, in one read-only snapshot, and names the first link that breaks. */
    @Transactional
    public Verification verify() {
        Object[] head = (Object[]) em.createNativeQuery("select seq, hash from audit_head where id = 1")
                .getSingleResult();
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        long after = 0;
        while (true) {
            List<AuditEntry> batch = AuditEntry.<AuditEntry>find("seq > ?1 order by seq", after)
                    .page(0, VERIFY_BATCH)
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(verifier::accept);
            after = batch.get(batch.size() - 1).seq;
            em.clear();
        }
        return verifier.result(((Number) head[0]).longValue(), (String) head[1]);
    }

    public PanacheQuery<AuditEntry> entries(String eventType, String subject) {
        Filter filter =
                new Filter().and("eventType = :type", "type", eventType).and("subject = :subject", "subject", subject);
        return AuditEntry.find(filter.where() + " order by seq", filter.parameters());
    }
}
