package io.kontor.process.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A business object an event is about, as OCEL 2.0 names it: a type and an id ({@code offer:3f6c…}). Read from the
 * event's id fields, so a new event type with an {@code offerId} joins its offer's case without code here.
 */
public record ObjectRef(String type, String id) {

    /** Id field of an event payload → object type. */
    static final Map<String, String> ID_FIELDS = Map.ofEntries(
            Map.entry("offerId", "offer"),
            Map.entry("invoiceId", "invoice"),
            Map.entry("customerId", "customer"),
            Map.entry("paymentId", "payment"),
            Map.entry("projectId", "project"),
            Map.entry("milestoneId", "milestone"),
            Map.entry("staffingRequestId", "staffing-request"),
            Map.entry("jobOpeningId", "job-opening"),
            Map.entry("applicationId", "application"),
            Map.entry("employeeId", "employee"),
            Map.entry("contractId", "contract"),
            Map.entry("requirementId", "requirement"),
            Map.entry("itemId", "backlog-item"),
            Map.entry("backlogId", "backlog"),
            Map.entry("caseId", "case"));

    public String key() {
        return type + ":" + id;
    }

    public static ObjectRef parse(String key) {
        int colon = key.indexOf(':');
        return new ObjectRef(key.substring(0, colon), key.substring(colon + 1));
    }

    /** The objects of an event's data, in the order of its fields. */
    public static List<ObjectRef> of(JsonNode data) {
        List<ObjectRef> objects = new ArrayList<>();
        if (data == null || !data.isObject()) {
            return objects;
        }
        data.fieldNames().forEachRemaining(field -> {
            String type = ID_FIELDS.get(field);
            JsonNode value = data.get(field);
            if (type != null
                    && value != null
                    && value.isTextual()
                    && !value.asText().isBlank()) {
                objects.add(new ObjectRef(type, value.asText()));
            }
        });
        return objects;
    }
}
