package io.kontor.process.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.process.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The event log in OCEL 2.0 JSON (https://www.ocel-standard.org/2.0/ocel20_specification.pdf, "JSON Format"): every
 * domain event of the audit trail (or of one process's steps) with its objects, the qualifier of each relationship
 * being the payload field that named the object ({@code offerId}, {@code invoiceId}, …). Object-centric rather than one
 * case id per event, so a mining tool can take any object type as its case notion.
 */
@ApplicationScoped
public class OcelExport {

    @Inject
    ObjectMapper json;

    @Transactional
    public ObjectNode export(ProcessDefinition process) {
        ObjectNode log = json.createObjectNode();
        ArrayNode events = json.createArrayNode();
        Map<String, String> objects = new TreeMap<>();
        TreeSet<String> eventTypes = new TreeSet<>();
        long after = 0;
        while (true) {
            List<AuditEntry> batch = AuditEntry.<AuditEntry>find(
                            "seq > ?1 and kind = ?2 order by seq", after, AuditEntry.Kind.DOMAIN_EVENT)
                    .page(0, 1000)
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntry entry : batch) {
                after = entry.seq;
                if (process != null && process.step(entry.eventType) == null) {
                    continue;
                }
                eventTypes.add(entry.eventType);
                ObjectNode event = events.addObject();
                event.put("id", entry.eventId);
                event.put("type", entry.eventType);
                event.put("time", entry.occurredAt.toString());
                ArrayNode attributes = event.putArray("attributes");
                if (process != null) {
                    attributes.addObject().put("name", "step").put("value", process.step(entry.eventType));
                }
                ArrayNode relationships = event.putArray("relationships");
                for (Map.Entry<String, ObjectRef> field : fields(entry.payload).entrySet()) {
                    objects.putIfAbsent(field.getValue().key(), field.getValue().type());
                    relationships
                            .addObject()
                            .put("objectId", field.getValue().key())
                            .put("qualifier", field.getKey());
                }
            }
        }
        ArrayNode eventTypeList = log.putArray("eventTypes");
        eventTypes.forEach(type -> {
            ObjectNode eventType = eventTypeList.addObject().put("name", type);
            ArrayNode attributes = eventType.putArray("attributes");
            if (process != null) {
                attributes.addObject().put("name", "step").put("type", "string");
            }
        });
        ArrayNode objectTypes = log.putArray("objectTypes");
        new TreeSet<>(objects.values())
                .forEach(type -> objectTypes.addObject().put("name", type).putArray("attributes"));
        log.set("events", events);
        ArrayNode objectList = log.putArray("objects");
        objects.forEach((id, type) -> {
            ObjectNode object = objectList.addObject().put("id", id).put("type", type);
            object.putArray("attributes");
            object.putArray("relationships");
        });
        return log;
    }

    private Map<String, ObjectRef> fields(String payload) {
        Map<String, ObjectRef> fields = new LinkedHashMap<>();
        try {
            JsonNode data = json.readTree(payload);
            for (ObjectRef ref : ObjectRef.of(data)) {
                data.fieldNames().forEachRemaining(name -> {
                    if (ref.type().equals(ObjectRef.ID_FIELDS.get(name))) {
                        fields.put(name, ref);
                    }
                });
            }
        } catch (JsonProcessingException e) {
            // not JSON: an event without objects
        }
        return fields;
    }
}
