package io.kontor.process.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.process.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Correlates domain events into cases of the {@link ProcessDefinition}s. A case's state is recomputed from its events
 * sorted by their time each time one arrives, so it does not depend on the order topics deliver in; the whole
 * projection is rebuilt from the audit trail by {@link #rebuild()} with the same result.
 */
@ApplicationScoped
public class Monitor {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(String eventId, String type, Instant occurredAt, String payload) {
        List<ObjectRef> objects;
        try {
            objects = ObjectRef.of(json.readTree(payload));
        } catch (JsonProcessingException e) {
            return; // not JSON: nothing to correlate; the audit trail still holds it
        }
        Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        for (ProcessDefinition process : ProcessDefinition.ALL) {
            String step = process.step(type);
            if (step != null && ProcessEvent.count("process = ?1 and eventId = ?2", process.name(), eventId) == 0) {
                observe(process, eventId, type, step, at, objects);
            }
        }
    }

    private void observe(
            ProcessDefinition process, String eventId, String type, String step, Instant at, List<ObjectRef> objects) {
        List<ObjectRef> correlating = objects.stream()
                .filter(o -> process.correlateBy().contains(o.type()))
                .toList();
        UUID caseId = null;
        for (ObjectRef object : correlating) {
            CaseObject link = CaseObject.findById(CaseObject.id(process.name(), object));
            if (link != null) {
                caseId = link.caseId;
                break;
            }
        }
        if (caseId == null && type.equals(process.startType())) {
            ObjectRef root = objects.stream()
                    .filter(o -> o.type().equals(process.rootType()))
                    .findFirst()
                    .orElse(null);
            if (root != null) {
                caseId = open(process, root, at);
            }
        }
        ProcessEvent event = new ProcessEvent();
        event.process = process.name();
        event.caseId = caseId;
        event.eventId = eventId;
        event.eventType = type;
        event.step = step;
        event.occurredAt = at;
        event.objects = ProcessEvent.objectsText(correlating);
        event.persist();
        if (caseId != null) {
            join(process, caseId, correlating);
            recompute(process, caseId);
        }
    }

    private UUID open(ProcessDefinition process, ObjectRef root, Instant at) {
        // The same root always gives the same case id: a rebuild gives the cases their old ids.
        UUID id = UUID.nameUUIDFromBytes((process.name() + "|" + root.key()).getBytes(StandardCharsets.UTF_8));
        ProcessCase existing = ProcessCase.findById(id);
        if (existing != null) {
            return id;
        }
        ProcessCase created = new ProcessCase();
        created.id = id;
        created.process = process.name();
        created.rootObject = root.key();
        created.status = ProcessCase.OPEN;
        created.startedAt = at;
        created.lastEventAt = at;
        created.persist();
        em.flush();
        return id;
    }

    /** Ties the objects to the case and takes in the pending events that named one of them. */
    private void join(ProcessDefinition process, UUID caseId, List<ObjectRef> objects) {
        List<ObjectRef> todo = new ArrayList<>(objects);
        while (!todo.isEmpty()) {
            ObjectRef object = todo.remove(0);
            String id = CaseObject.id(process.name(), object);
            if (CaseObject.findById(id) != null) {
                continue;
            }
            CaseObject link = new CaseObject();
            link.id = id;
            link.caseId = caseId;
            link.persist();
            List<ProcessEvent> pending = ProcessEvent.list(
                    "process = ?1 and caseId is null and objects like ?2", process.name(), "% " + object.key() + " %");
            for (ProcessEvent event : pending) {
                event.caseId = caseId;
                todo.addAll(event.objectRefs());
            }
        }
        em.flush();
    }

    private void recompute(ProcessDefinition process, UUID caseId) {
        ProcessCase processCase = ProcessCase.findById(caseId);
        List<ProcessEvent> events = ProcessEvent.ofCase(caseId);
        processCase.startedAt = events.get(0).occurredAt;
        processCase.lastEventAt = events.get(events.size() - 1).occurredAt;
        int opened = 0;
        int settled = 0;
        boolean terminal = false;
        boolean done = false;
        Instant closedAt = null;
        for (ProcessEvent event : events) {
            opened += event.eventType.equals(process.openedBy()) ? 1 : 0;
            settled += process.settledBy().contains(event.eventType) ? 1 : 0;
            terminal |= process.endTypes().contains(event.eventType);
            boolean nowDone = terminal || (process.openedBy() != null && opened > 0 && settled >= opened);
            if (nowDone && !done) {
                closedAt = event.occurredAt;
            }
            // a later invoice of the same offer opens the case again
            done = nowDone;
        }
        processCase.status = done ? ProcessCase.CLOSED : ProcessCase.OPEN;
        processCase.closedAt = done ? closedAt : null;
    }

    /** Forgets the projection and replays every domain event of the audit trail in its order. */
    @Transactional
    public long rebuild() {
        // The consumers append under this lock too: none writes into the projection while it is replayed.
        em.createNativeQuery("select seq from audit_head where id = 1 for update")
                .getSingleResult();
        em.createNativeQuery("delete from process_event").executeUpdate();
        em.createNativeQuery("delete from case_object").executeUpdate();
        em.createNativeQuery("delete from process_case").executeUpdate();
        long replayed = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = AuditEntry.<AuditEntry>find(
                            "seq > ?1 and kind = ?2 order by seq", after, AuditEntry.Kind.DOMAIN_EVENT)
                    .page(0, 500)
                    .list();
            if (batch.isEmpty()) {
                return replayed;
            }
            for (AuditEntry entry : batch) {
                observe(entry.eventId, entry.eventType, entry.occurredAt, entry.payload);
                replayed++;
                after = entry.seq;
            }
        }
    }
}
