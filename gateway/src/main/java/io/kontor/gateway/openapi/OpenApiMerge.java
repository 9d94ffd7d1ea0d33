package io.kontor.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI document from the gateway's own and the services' documents. The services' paths already carry their
 * public {@code /api/v1/<domain>} prefix, so paths are taken as they are. Component schemas of the same name and the
 * same content are kept once (the platform's {@code Problem}); of the same name and different content, the service's is
 * renamed to {@code <Domain><Name>} and its references follow, so no service's types overwrite another's.
 */
public final class OpenApiMerge {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private final ObjectMapper json;
    private final ObjectNode merged;

    /** Starts from the gateway's own document, with the title of the whole API. */
    public OpenApiMerge(ObjectMapper json, JsonNode gatewayDocument) {
        this.json = json;
        this.merged = gatewayDocument.isObject() ? ((ObjectNode) gatewayDocument).deepCopy() : json.createObjectNode();
        if (!merged.has("openapi")) {
            merged.put("openapi", "3.1.0");
        }
        ObjectNode info = merged.putObject("info");
        info.put("title", "Kontor API");
        info.put("version", "1.0");
        info.put(
                "description",
                "The public REST API of Kontor: every service's routes through the gateway, and the "
                        + "gateway's own views. Errors are RFC 9457 problem details.");
        merged.withObject("/paths");
    }

    /** Adds one service's document; {@code domain} names it in renamed schemas (sales -> SalesAddress). */
    public OpenApiMerge add(String domain, JsonNode serviceDocument) {
        if (!serviceDocument.path("paths").isObject()) {
            throw new IllegalArgumentException("the document of " + domain + " has no paths: not an OpenAPI document");
        }
        ObjectNode document = serviceDocument.deepCopy();
        Map<String, String> renamed = new HashMap<>();
        JsonNode schemas = document.path("components").path("schemas");
        ObjectNode mergedSchemas = merged.withObject("/components").withObject("/schemas");
        for (Iterator<String> names = schemas.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode existing = mergedSchemas.get(name);
            if (existing != null && !existing.equals(schemas.get(name))) {
                renamed.put(name, capitalized(domain) + name);
            }
        }
        if (!renamed.isEmpty()) {
            document = rewriteRefs(document, renamed);
        }
        JsonNode rewrittenSchemas = document.path("components").path("schemas");
        if (rewrittenSchemas.isObject()) {
            rewrittenSchemas
                    .fields()
                    .forEachRemaining(schema -> mergedSchemas.set(
                            renamed.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
        }
        // The platform's shared parts (problem responses, headers, the bearer scheme) are the same in every document.
        for (String shared : List.of("securitySchemes", "responses", "headers", "parameters")) {
            mergeObject(
                    document.path("components").path(shared),
                    merged.withObject("/components").withObject("/" + shared));
        }
        mergeObject(document.path("paths"), merged.withObject("/paths"));
        mergeTags(document.path("tags"));
        return this;
    }

    /** Services whose documents could not be had: named in the document, so that a reader knows it is partial. */
    public OpenApiMerge missing(List<String> services) {
        if (!services.isEmpty()) {
            ArrayNode list = merged.putArray("x-kontor-unavailable");
            services.forEach(list::add);
        }
        return this;
    }

    public ObjectNode document() {
        return merged;
    }

    private static void mergeObject(JsonNode from, ObjectNode into) {
        if (from.isObject()) {
            from.fields().forEachRemaining(field -> {
                if (!into.has(field.getKey())) {
                    into.set(field.getKey(), field.getValue());
                }
            });
        }
    }

    private void mergeTags(JsonNode tags) {
        if (!tags.isArray()) {
            return;
        }
        ArrayNode mergedTags = merged.has("tags") && merged.get("tags").isArray()
                ? (ArrayNode) merged.get("tags")
                : merged.putArray("tags");
        Set<String> known = new HashSet<>();
        mergedTags.forEach(tag -> known.add(tag.path("name").asText()));
        tags.forEach(tag -> {
            if (known.add(tag.path("name").asText())) {
                mergedTags.add(tag);
            }
        });
    }

    private ObjectNode rewriteRefs(ObjectNode document, Map<String, String> renamed) {
        String text = document.toString();
        for (Map.Entry<String, String> rename : renamed.entrySet()) {
            text = text.replace(
                    "\"" + SCHEMA_REF + rename.getKey() + "\"", "\"" + SCHEMA_REF + rename.getValue() + "\"");
        }
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document that was JSON is JSON after renaming", e);
        }
    }

    private static String capitalized(String domain) {
        // product-development → ProductDevelopment: a schema name stays one Java-like identifier.
        StringBuilder name = new StringBuilder();
        for (String part : domain.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
