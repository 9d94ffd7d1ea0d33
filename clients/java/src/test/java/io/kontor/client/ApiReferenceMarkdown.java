package io.kontor.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the merged OpenAPI document as {@code docs/API-REFERENCE.md}: every operation with its roles, parameters,
 * body and answers, and every schema with its fields, types and limits. The reference is a view of the document, never
 * edited by hand, so it cannot say something the API does not do (#25).
 */
final class ApiReferenceMarkdown {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final List<String> LIMITS = List.of(
            "minLength",
            "maxLength",
            "pattern",
            "minimum",
            "exclusiveMinimum",
            "maximum",
            "exclusiveMaximum",
            "multipleOf",
            "minItems",
            "maxItems",
            "default");

    private final JsonNode document;
    private final StringBuilder out = new StringBuilder();

    private ApiReferenceMarkdown(JsonNode document) {
        this.document = document;
    }

    static String render(JsonNode document) {
        return new ApiReferenceMarkdown(document).render();
    }

    private String render() {
        line("# Kontor API reference (generated)");
        line("");
        line("Rendered from [`openapi.json`](openapi.json) (the gateway's merged `/q/openapi`, version "
                + document.path("info").path("version").asText() + ") by `clients/java`'s `RenderedApiReferenceTest`;"
                + " do not edit: regenerate with `./mvnw -pl clients/java verify -Dkontor.openapi.write=true`."
                + " Roles, rules and prose are in [API.md](API.md). Errors are `application/problem+json`"
                + " ([Problem](#schema-problem)).");
        line("");
        Map<String, List<String[]>> byDomain = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    byDomain.computeIfAbsent(domain(path.getKey()), d -> new ArrayList<>())
                            .add(new String[] {method, path.getKey()});
                }
            }
        });
        line("## Operations");
        line("");
        byDomain.forEach((domain, operations) -> {
            line("### " + domain);
            line("");
            for (String[] operation : operations) {
                operation(operation[0], operation[1]);
            }
        });
        line("## Schemas");
        line("");
        new TreeMap<String, JsonNode>(fields(document.path("components").path("schemas"))).forEach(this::schema);
        return out.toString();
    }

    private void operation(String method, String path) {
        JsonNode item = document.path("paths").path(path);
        JsonNode operation = item.path(method);
        line("#### `" + method.toUpperCase(Locale.ROOT) + " " + path + "`");
        line("");
        StringBuilder head =
                new StringBuilder("`" + operation.path("operationId").asText() + "`");
        if (operation.has("summary")) {
            head.append(": ").append(operation.path("summary").asText());
        }
        List<String> roles = new ArrayList<>();
        operation
                .path("security")
                .forEach(requirement -> requirement
                        .fields()
                        .forEachRemaining(
                                scheme -> scheme.getValue().forEach(role -> roles.add("`" + role.asText() + "`"))));
        head.append(roles.isEmpty() ? ". No token needed." : ". Roles: " + String.join(", ", roles) + ".");
        line(head.toString());
        line("");
        List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        if (!parameters.isEmpty()) {
            line("| parameter | in | type | required | limits |");
            line("| --- | --- | --- | --- | --- |");
            for (JsonNode parameter : parameters) {
                line("| `" + parameter.path("name").asText() + "` | "
                        + parameter.path("in").asText() + " | "
                        + type(parameter.path("schema")) + " | "
                        + (parameter.path("required").asBoolean() ? "yes" : "no")
                        + " | " + limits(parameter.path("schema")) + " |");
            }
            line("");
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            List<String> media = new ArrayList<>();
            body.path("content")
                    .fields()
                    .forEachRemaining(m -> media.add(
                            "`" + m.getKey() + "` " + type(m.getValue().path("schema"))));
            line("Body" + (body.path("required").asBoolean() ? " (required)" : " (optional)") + ": "
                    + String.join("; ", media) + ".");
            line("");
        }
        List<String> answers = new ArrayList<>();
        new TreeMap<String, JsonNode>(fields(operation.path("responses"))).forEach((status, answer) -> {
            JsonNode resolved = resolve(answer);
            List<String> media = new ArrayList<>();
            resolved.path("content")
                    .fields()
                    .forEachRemaining(m -> media.add(type(m.getValue().path("schema"))));
            answers.add("`" + status + "`" + (media.isEmpty() ? "" : " " + String.join(", ", media)));
        });
        line("Answers: " + String.join(" · ", answers) + ".");
        line("");
    }

    private void schema(String name, JsonNode schema) {
        line("<a id=\"schema-" + name.toLowerCase(Locale.ROOT) + "\"></a>");
        line("### " + name);
        line("");
        if (schema.has("description")) {
            line(schema.path("description").asText());
            line("");
        }
        if (!schema.has("properties")) {
            line("Type: " + type(schema) + (limits(schema).isEmpty() ? "" : "; " + limits(schema)) + ".");
            line("");
            return;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        line("| field | type | required | limits |");
        line("| --- | --- | --- | --- |");
        schema.path("properties")
                .fields()
                .forEachRemaining(p -> line("| `" + p.getKey() + "` | " + type(p.getValue()) + " | "
                        + (required.contains(p.getKey()) ? "yes" : "no") + " | " + limits(p.getValue()) + " |"));
        line("");
    }

    /** The type as a reader says it: a link to a schema, {@code string (date) or null}, {@code array of X}. */
    private String type(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replaceAll(".*/", "");
            return "[" + name + "](#schema-" + name.toLowerCase(Locale.ROOT) + ")";
        }
        for (String group : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.has(group)) {
                List<String> parts = new ArrayList<>();
                schema.path(group).forEach(s -> parts.add(type(s)));
                return String.join("allOf".equals(group) ? " and " : " or ", parts);
            }
        }
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        List<String> parts = new ArrayList<>();
        for (String t : types) {
            if ("array".equals(t)) {
                parts.add("array of " + type(schema.path("items")));
            } else if ("object".equals(t) && schema.has("additionalProperties")) {
                parts.add("map of " + type(schema.path("additionalProperties")));
            } else if (!"null".equals(t) && schema.has("format")) {
                parts.add(t + " (" + schema.path("format").asText() + ")");
            } else {
                parts.add(t);
            }
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add(v.isNull() ? "null" : "`" + v.asText() + "`"));
            parts.add("one of " + String.join(", ", values));
        }
        return parts.isEmpty() ? "any" : String.join(" or ", parts);
    }

    private static String limits(JsonNode schema) {
        List<String> limits = new ArrayList<>();
        for (String limit : LIMITS) {
            if (schema.has(limit)) {
                String value = schema.path(limit).asText().replace("|", "\\|");
                limits.add(limit + " " + ("pattern".equals(limit) ? "`" + value + "`" : value));
            }
        }
        return String.join(", ", limits);
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = document;
        for (String part : node.path("$ref").asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    private static String domain(String path) {
        String[] parts = path.split("/");
        return parts.length > 3 && "api".equals(parts[1]) ? parts[3] : "other";
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
