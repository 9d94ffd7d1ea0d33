package io.kontor.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lints the published API document {@code docs/openapi.json} (the gateway's merged {@code /q/openapi}, kept equal to it
 * by the system tests' {@code ApiContractTest}) for what generated clients and integrators rely on (issue #25): no
 * server is needed. The rules are those Spectral's OAS ruleset and the OWASP API ruleset found broken before.
 */
class ApiDocumentLintTest {

    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = new ObjectMapper()
                .readTree(ApiDocuments.docs().resolve("openapi.json").toFile());
    }

    @Test
    void every_operation_has_a_unique_operation_id_a_client_can_use_as_a_method_name() {
        Map<String, List<String>> byId = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        operations((name, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!OPERATION_ID.matcher(id).matches()) {
                bad.add(name + ": '" + id + "'");
            }
            byId.computeIfAbsent(id, key -> new ArrayList<>()).add(name);
        });
        assertThat(bad).as("operations without a usable operationId").isEmpty();
        assertThat(byId.entrySet().stream().filter(e -> e.getValue().size() > 1).toList())
                .as("operationIds used more than once")
                .isEmpty();
    }

    @Test
    void every_operation_declares_the_errors_it_can_answer_as_problem_details() {
        List<String> missing = new ArrayList<>();
        operations((name, operation) -> {
            JsonNode responses = operation.path("responses");
            List<String> expected = new ArrayList<>(List.of("414", "429", "500", "502", "503", "504"));
            if (!operation.path("security").isEmpty()) {
                expected.addAll(List.of("401", "403"));
            }
            if (name.contains("{")) {
                expected.add("404");
            }
            if (operation.has("requestBody") || !operation.path("parameters").isEmpty()) {
                expected.add("400");
            }
            if (operation.has("requestBody")) {
                expected.addAll(List.of("413", "415"));
            }
            for (String status : expected) {
                if (!responses.has(status)) {
                    missing.add(name + " " + status);
                }
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode schema = resolve(response.getValue())
                            .path("content")
                            .path("application/problem+json")
                            .path("schema");
                    if (!"#/components/schemas/Problem"
                            .equals(schema.path("$ref").asText())) {
                        missing.add(name + " " + response.getKey() + " is not application/problem+json Problem");
                    }
                }
            });
        });
        assertThat(missing).as("undeclared error answers").isEmpty();
    }

    @Test
    void every_success_answer_with_a_json_body_says_what_the_body_is() {
        List<String> untyped = new ArrayList<>();
        operations((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            JsonNode schema = resolve(response.getValue())
                    .path("content")
                    .path("application/json")
                    .path("schema");
            if (response.getKey().startsWith("2") && schema.isObject() && schema.isEmpty()) {
                untyped.add(name + " " + response.getKey());
            }
        }));
        assertThat(untyped).as("answers documented as 'any JSON'").isEmpty();
    }

    @Test
    void every_list_is_bounded_by_its_page_size_and_every_request_array_by_max_items() {
        List<String> unbounded = new ArrayList<>();
        operations((name, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode schema = resolve(parameter.path("schema"));
                String parameterName = parameter.path("name").asText();
                if (Set.of("size", "limit").contains(parameterName) && !schema.has("maximum")) {
                    unbounded.add(name + " ?" + parameterName + " has no maximum");
                }
                if ("page".equals(parameterName) && !schema.has("minimum")) {
                    unbounded.add(name + " ?page has no minimum");
                }
            }
            JsonNode body = operation
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            arrays(resolve(body), "body", new HashSet<>(), unbounded, name);
        });
        assertThat(unbounded).as("unbounded lists").isEmpty();
    }

    @Test
    void amounts_are_exact_decimals_and_dates_have_their_format_stated_once() {
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.path("Decimal").path("format").asText()).isEqualTo("decimal");
        assertThat(schemas.path("LocalDate").path("format").asText()).isEqualTo("date");
        assertThat(schemas.path("Instant").path("format").asText()).isEqualTo("date-time");
        List<String> floats = new ArrayList<>();
        walk(document.path("paths"), "paths", (where, node) -> {
            JsonNode type = node.path("type");
            boolean number = "number".equals(type.asText())
                    || (type.isArray() && type.toString().contains("\"number\""));
            if (number && !node.has("format") && !node.path("$ref").asText().endsWith("/Decimal")) {
                floats.add(where);
            }
        });
        walk(schemas, "components", (where, node) -> {
            JsonNode type = node.path("type");
            boolean number = "number".equals(type.asText())
                    || (type.isArray() && type.toString().contains("\"number\""));
            // A bounded amount is an inline decimal with its limits: limits beside a $ref to the shared Decimal would
            // be merged into that one component by tools that resolve references.
            boolean decimal = where.endsWith("/Decimal")
                    || node.path("$ref").asText().endsWith("/Decimal")
                    || Set.of("decimal", "double", "float")
                            .contains(node.path("format").asText());
            if (node.has("$ref") && (node.has("minimum") || node.has("maximum") || node.has("multipleOf"))) {
                floats.add(where + " (limits beside a $ref)");
            }
            if (number && !decimal) {
                floats.add(where);
            }
        });
        assertThat(floats)
                .as("numbers that are neither the Decimal component nor a declared double")
                .isEmpty();
    }

    @Test
    void the_bearer_scheme_is_a_described_jwt_and_every_answer_carries_the_correlation_id() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.size()).isEqualTo(1);
        JsonNode bearer = schemes.elements().next();
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(bearer.path("description").asText()).contains("RFC 7519");
        List<String> without = new ArrayList<>();
        operations((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            if (!resolve(response.getValue()).path("headers").has("X-Correlation-Id")) {
                without.add(name + " " + response.getKey());
            }
        }));
        assertThat(without).as("answers without the X-Correlation-Id header").isEmpty();
        assertThat(resolve(document.at("/components/responses/TooManyRequests"))
                        .path("headers")
                        .has("Retry-After"))
                .isTrue();
    }

    private static void arrays(JsonNode schema, String where, Set<String> seen, List<String> unbounded, String name) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!seen.add(ref)) {
                return;
            }
            arrays(resolve(schema), where, seen, unbounded, name);
            return;
        }
        JsonNode type = schema.path("type");
        if (("array".equals(type.asText()) || type.toString().contains("\"array\"")) && !schema.has("maxItems")) {
            unbounded.add(name + " " + where + " has no maxItems");
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(p -> arrays(p.getValue(), where + "." + p.getKey(), seen, unbounded, name));
        for (String branch : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode each : schema.path(branch)) {
                arrays(each, where, seen, unbounded, name);
            }
        }
        if (schema.has("items")) {
            arrays(schema.get("items"), where + "[]", seen, unbounded, name);
        }
    }

    private static void operations(BiConsumer<String, JsonNode> each) {
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(method -> {
                if (METHODS.contains(method.getKey())) {
                    each.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                }
            });
        }
    }

    private static void walk(JsonNode node, String where, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(where, node);
            node.fields().forEachRemaining(field -> walk(field.getValue(), where + "/" + field.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visit);
            }
        }
    }

    private static JsonNode resolve(JsonNode node) {
        for (int depth = 0; depth < 10 && node.has("$ref"); depth++) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }
}
