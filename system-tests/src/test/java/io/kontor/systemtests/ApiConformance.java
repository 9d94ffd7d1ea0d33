package io.kontor.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every request a system test sends to the public API and every answer it gets, checked against the gateway's merged
 * OpenAPI document (issue #25): a conformance check with no exception list. Installed for all REST Assured requests
 * when the platform has started ({@link KontorPlatform}).
 *
 * <ul>
 *   <li>An answer's status must be declared on the operation, its media type declared for that status, and its JSON
 *       body must match the declared schema. Objects in answers are checked closed: a field the document does not name
 *       fails (the published document leaves them open, so that adding a field stays compatible for clients).
 *   <li>A request is checked too (body against the request schema, query and path parameters declared and valid). A
 *       request the document calls invalid (the fuzzing and bad-request tests send such on purpose) must be answered
 *       with a declared 4xx; a valid one must not be answered with an undeclared status.
 *   <li>A path the document does not know must be answered 404 or 405.
 * </ul>
 *
 * Schemas are OAS 3.1, i.e. JSON Schema 2020-12, validated with networknt's json-schema-validator (format assertions
 * on: uuid, date, date-time).
 */
final class ApiConformance implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;
    private final ObjectNode closedComponents;
    private final ObjectNode openComponents;
    private final List<Route> routes = new ArrayList<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final String gatewayUrl;

    private record Route(String template, Pattern pattern, List<String> names, JsonNode item) {}

    ApiConformance(String gatewayUrl, JsonNode document) {
        this.gatewayUrl = gatewayUrl;
        this.document = document;
        this.openComponents = (ObjectNode) document.path("components").deepCopy();
        this.closedComponents = openComponents.deepCopy();
        closeObjects(closedComponents.path("schemas"));
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder("^");
            for (String part : path.getKey().split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{")) {
                    names.add(part.substring(1, part.length() - 1));
                    regex.append("([^/]+)");
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            routes.add(new Route(path.getKey(), Pattern.compile(regex + "$"), names, path.getValue()));
        }
        // A literal segment wins over a template ({id} vs. /search): fewer parameters first.
        routes.sort(Comparator.comparingInt((Route r) -> r.names().size()).thenComparing(Route::template));
    }

    static ApiConformance fetch(String gatewayUrl) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl + "/q/openapi?format=json"))
                            .timeout(Duration.ofSeconds(60))
                            // In production (which the local platform runs) the API description needs a token (#24).
                            .header("Authorization", io.kontor.testing.TestTokens.bearer("admin"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode document = JSON.readTree(answer.body());
            if (answer.statusCode() != 200 || document.has("x-kontor-unavailable")) {
                throw new IllegalStateException("no complete API document: " + answer.statusCode() + " "
                        + document.path("x-kontor-unavailable"));
            }
            return new ApiConformance(gatewayUrl, document);
        } catch (IOException e) {
            throw new IllegalStateException("the API document cannot be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification spec, FilterContext context) {
        Response response = context.next(request, spec);
        URI uri = URI.create(request.getURI());
        if (!request.getURI().startsWith(gatewayUrl) || !uri.getRawPath().startsWith("/api/")) {
            return response; // health, the document itself, development tokens: not part of the public API
        }
        List<String> problems = check(request, uri, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + uri.getRawPath()
                    + " does not conform to the API document (/q/openapi):\n  " + String.join("\n  ", problems)
                    + "\nstatus " + response.statusCode() + ", body: " + abbreviated(response.asString()));
        }
        return response;
    }

    List<String> check(FilterableRequestSpecification request, URI uri, Response response) {
        String method = request.getMethod().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath();
        int status = response.statusCode();
        Optional<Map.Entry<Route, List<String>>> found = route(path);
        if (found.isEmpty()) {
            return status == 404 || status == 405
                    ? List.of()
                    : List.of("no path of the document matches, but the answer is " + status);
        }
        Route route = found.get().getKey();
        JsonNode operation = route.item().path(method);
        if (!METHODS.contains(method) || operation.isMissingNode()) {
            return status == 404 || status == 405
                    ? List.of()
                    : List.of(route.template() + " has no " + method.toUpperCase(Locale.ROOT) + ", but the answer is "
                            + status);
        }
        String name = method.toUpperCase(Locale.ROOT) + " " + route.template();
        List<String> requestProblems = new ArrayList<>();
        checkParameters(route, found.get().getValue(), operation, request, uri, requestProblems);
        checkRequestBody(name, operation, request, requestProblems);

        List<String> problems = new ArrayList<>();
        JsonNode declared = resolve(operation.path("responses").path(Integer.toString(status)));
        if (declared.isMissingNode()) {
            declared = resolve(operation.path("responses").path(status / 100 + "XX"));
        }
        if (declared.isMissingNode()) {
            declared = resolve(operation.path("responses").path("default"));
        }
        if (declared.isMissingNode()) {
            problems.add(name + " does not declare the answer " + status);
        } else {
            checkResponseBody(name + " " + status, declared, response, problems);
        }
        if (!requestProblems.isEmpty() && (status < 400 || status >= 500)) {
            problems.add("the request is invalid by the document (" + String.join("; ", requestProblems)
                    + "), but the answer is " + status + ", not a 4xx");
        }
        return problems;
    }

    private Optional<Map.Entry<Route, List<String>>> route(String path) {
        for (Route route : routes) {
            var matcher = route.pattern().matcher(path);
            if (matcher.matches()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    values.add(URLDecoder.decode(matcher.group(i), StandardCharsets.UTF_8));
                }
                return Optional.of(Map.entry(route, values));
            }
        }
        return Optional.empty();
    }

    private void checkParameters(
            Route route,
            List<String> pathValues,
            JsonNode operation,
            FilterableRequestSpecification request,
            URI uri,
            List<String> problems) {
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode parameters : List.of(route.item().path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode resolved = resolve(parameter);
                declared.put(
                        resolved.path("in").asText() + ":"
                                + resolved.path("name").asText(),
                        resolved);
            }
        }
        for (int i = 0; i < route.names().size(); i++) {
            JsonNode parameter = declared.get("path:" + route.names().get(i));
            if (parameter != null) {
                checkValue("path parameter " + route.names().get(i), parameter, pathValues.get(i), problems);
            }
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        request.getQueryParams().forEach((key, value) -> query.putIfAbsent(key, List.of(String.valueOf(value))));
        query.forEach((key, values) -> {
            JsonNode parameter = declared.get("query:" + key);
            if (parameter == null) {
                problems.add("query parameter " + key + " is not in the document");
            } else {
                values.forEach(value -> checkValue("query parameter " + key, parameter, value, problems));
            }
        });
        declared.forEach((key, parameter) -> {
            if (key.startsWith("query:")
                    && parameter.path("required").asBoolean(false)
                    && !query.containsKey(key.substring(6))) {
                problems.add("required query parameter " + key.substring(6) + " is missing");
            }
        });
    }

    private void checkValue(String what, JsonNode parameter, String value, List<String> problems) {
        JsonNode schema = parameter.path("schema");
        JsonNode resolved = resolve(schema);
        JsonNode type = resolved.path("type");
        JsonNode item = resolved.path("items");
        String kind = type.isArray() && !type.isEmpty() ? type.get(0).asText() : type.asText();
        if ("array".equals(kind)) {
            schema = item;
            resolved = resolve(item);
            type = resolved.path("type");
            kind = type.isArray() && !type.isEmpty() ? type.get(0).asText() : type.asText();
        }
        JsonNode node;
        try {
            node = switch (kind) {
                case "integer" -> JsonNodeFactory.instance.numberNode(new java.math.BigInteger(value));
                case "number" -> JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(value));
                case "boolean" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new NumberFormatException(value);
                    }
                    yield JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
                }
                default -> JsonNodeFactory.instance.textNode(value);
            };
        } catch (NumberFormatException e) {
            problems.add(what + " is " + value + ", not a " + kind);
            return;
        }
        validate(schema, node, false).forEach(message -> problems.add(what + ": " + message));
    }

    private void checkRequestBody(
            String name, JsonNode operation, FilterableRequestSpecification request, List<String> problems) {
        Object body = request.getBody();
        JsonNode requestBody = resolve(operation.path("requestBody"));
        if (body == null && !request.getMultiPartParams().isEmpty()) {
            JsonNode media = media(requestBody.path("content"), "multipart/form-data");
            if (media.isMissingNode()) {
                problems.add(name + " takes no multipart/form-data body");
            }
            return;
        }
        if (body == null) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add("the request body is required");
            }
            return;
        }
        if (requestBody.isMissingNode()) {
            problems.add(name + " takes no request body");
            return;
        }
        String contentType = mediaType(request.getContentType());
        JsonNode media = media(requestBody.path("content"), contentType);
        if (media.isMissingNode()) {
            problems.add("the request's media type " + contentType + " is not declared");
            return;
        }
        if (!isJson(contentType) || media.path("schema").isMissingNode()) {
            return;
        }
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : body.toString();
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (IOException e) {
            problems.add("the request body is not JSON");
            return;
        }
        if (json == null) {
            problems.add("the request body is empty");
            return;
        }
        validate(media.path("schema"), json, false).forEach(message -> problems.add("request body: " + message));
    }

    private void checkResponseBody(String name, JsonNode declared, Response response, List<String> problems) {
        String body = response.asString();
        if (body == null || body.isEmpty()) {
            return;
        }
        JsonNode content = declared.path("content");
        String contentType = mediaType(response.getContentType());
        if (content.isMissingNode() || content.isEmpty()) {
            problems.add(name + " declares no body, but one came (" + contentType + ")");
            return;
        }
        JsonNode media = media(content, contentType);
        if (media.isMissingNode()) {
            problems.add(name + " does not declare the media type " + contentType + " (declared: "
                    + iterableNames(content) + ")");
            return;
        }
        if (!isJson(contentType) || media.path("schema").isMissingNode()) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            problems.add(name + ": the body is not JSON");
            return;
        }
        validate(media.path("schema"), json, true).forEach(message -> problems.add(name + " body: " + message));
    }

    private List<String> validate(JsonNode schema, JsonNode value, boolean closed) {
        String key = (closed ? "closed:" : "open:") + schema;
        JsonSchema compiled = schemas.computeIfAbsent(key, k -> {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", closed ? closedComponents : openComponents);
            ObjectNode wrapped = schema.isObject() ? ((ObjectNode) schema).deepCopy() : root.objectNode();
            if (closed) {
                closeObjects(wrapped);
            }
            wrapped.fields().forEachRemaining(field -> root.set(field.getKey(), field.getValue()));
            return factory.getSchema(root, config);
        });
        List<String> messages = new ArrayList<>();
        for (ValidationMessage message : compiled.validate(value)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    /** Every object schema with properties and no word on others gets {@code additionalProperties: false}. */
    private static void closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties") && !object.has("allOf")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(ApiConformance::closeObjects);
        } else if (node.isArray()) {
            ((ArrayNode) node).elements().forEachRemaining(ApiConformance::closeObjects);
        }
    }

    private JsonNode resolve(JsonNode node) {
        for (int depth = 0; depth < 10 && node.has("$ref"); depth++) {
            String ref = node.get("$ref").asText();
            node = document.at(ref.substring(1));
        }
        return node;
    }

    private static JsonNode media(JsonNode content, String mediaType) {
        if (mediaType == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode exact = content.path(mediaType);
        if (!exact.isMissingNode()) {
            return exact;
        }
        JsonNode wildcard = content.path(mediaType.substring(0, mediaType.indexOf('/') + 1) + "*");
        return wildcard.isMissingNode() ? content.path("*/*") : wildcard;
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType != null && (mediaType.equals("application/json") || mediaType.endsWith("+json"));
    }

    private static String iterableNames(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
