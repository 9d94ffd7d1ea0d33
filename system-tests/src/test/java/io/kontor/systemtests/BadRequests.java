package io.kontor.systemtests;

import static io.kontor.systemtests.ApiDocument.typeOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.systemtests.ApiDocument.ApiOperation;
import io.kontor.systemtests.RawGateway.Request;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Bad requests for one operation of the OpenAPI document: a plausible body built from the operation's schema, then
 * spoiled one way at a time - malformed JSON, a required field left out, a field of the wrong type, an unknown enum
 * constant, an impossible date, a number out of range, a huge string, extra fields, a wrong content type, an id that is
 * no UUID. Path ids are random UUIDs that name nothing, so a request that gets past validation finds nothing to change.
 *
 * <p>Only values that Jackson and bean validation cannot take are "wrong": Jackson reads 12345 into a String field and
 * a small number into an enum (its ordinal) or a LocalDate (an epoch day), so those are not used as wrong values.
 */
final class BadRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int HUGE = 100_000;

    /**
     * One bad request. {@code field}: the JSON path (or query parameter) that is wrong, to be named in a 400;
     * {@code mustFail}: the input is invalid whatever the service's rules, so a 2xx is a finding.
     */
    record Case(ApiOperation operation, String kind, String field, boolean mustFail, Request request) {}

    /**
     * A field of the body: its JSON path as the platform names it ({@code lines[0].sku}), its schema, whether required.
     */
    record Field(List<Object> path, Schema<?> schema, boolean required) {

        String name() {
            StringBuilder name = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer index) {
                    name.append('[').append(index).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(step);
                }
            }
            return name.toString();
        }
    }

    private static final List<String> MALFORMED_JSON = List.of(
            "{",
            "}",
            "{\"",
            "{\"a\":",
            "{\"a\":1,}",
            "{'a':1}",
            "{a:1}",
            "[",
            "nul",
            "{\"a\":tru}",
            "{\"a\":\"\\x\"}",
            "{\"a\":1}}",
            "\u0000",
            "{\"a\":\"unterminated}",
            "<xml/>",
            "{\"a\":01}",
            "{\"a\":NaN}",
            "{\"a\":-}");
    private static final List<String> NOT_UUIDS = List.of(
            "not-a-uuid",
            "123",
            "00000000-0000-0000-0000-00000000000g",
            "%20",
            "'%20OR%201=1--",
            "..%2F..%2Fetc",
            "%00",
            "0",
            "-1",
            "ffffffff-ffff-ffff-ffff-ffffffffffffff",
            "%E2%98%83",
            "null");
    private static final List<String> BAD_DATES = List.of(
            "2024-02-30",
            "2024-13-01",
            "yesterday",
            "31.12.2024",
            "",
            "2024-1-1",
            "+999999999-12-31",
            "-0001-01-01",
            "2024-12-31T25:61:00Z");
    private static final List<String> BAD_DATE_TIMES = List.of(
            "2024-02-30T10:00:00Z",
            "2024-12-31T25:00:00Z",
            "tomorrow noon",
            "",
            "2024-12-31 10:00",
            "2024-12-31T10:00:00+25:00",
            "+999999999-12-31T10:00:00Z");
    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=fuzz",
            "application/octet-stream",
            "image/png");

    private final Random random;

    BadRequests(Random random) {
        this.random = random;
    }

    /** The systematic cases of one operation: every way of spoiling it once. */
    List<Case> systematic(ApiOperation operation, String authorization) {
        List<Case> cases = new ArrayList<>();
        String path = withIds(operation, UUID.randomUUID().toString());
        JsonNode body = operation.bodySchema().map(schema -> example(schema, 0)).orElse(null);

        for (Parameter parameter : operation.in("path")) {
            for (String notUuid : NOT_UUIDS) {
                String badPath = operation.path().replace("{" + parameter.getName() + "}", notUuid);
                cases.add(new Case(
                        operation,
                        "invalid-uuid-path",
                        null,
                        true,
                        request(operation, withIds(badPath, operation), authorization, body)));
            }
            cases.add(new Case(
                    operation,
                    "huge-path",
                    null,
                    true,
                    request(
                            operation,
                            operation
                                    .path()
                                    .replace("{" + parameter.getName() + "}", "a".repeat(5_000))
                                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                            authorization,
                            body)));
        }
        for (Parameter parameter : operation.in("query")) {
            for (QueryValue value : badQueryValues(parameter)) {
                cases.add(new Case(
                        operation,
                        value.kind(),
                        parameter.getName(),
                        value.mustFail(),
                        request(
                                operation,
                                path + "?" + otherRequired(operation, parameter) + parameter.getName() + "="
                                        + value.value(),
                                authorization,
                                body)));
            }
        }
        if (!operation.hasBody()) {
            return cases;
        }
        String mediaType = operation.bodyMediaType().orElseThrow();
        if (!mediaType.contains("json")) {
            cases.addAll(nonJsonBody(operation, path, authorization, mediaType));
            return cases;
        }
        for (String malformed : MALFORMED_JSON) {
            cases.add(new Case(
                    operation,
                    "malformed-json",
                    null,
                    true,
                    raw(operation, path, authorization, mediaType, malformed)));
        }
        cases.add(new Case(
                operation,
                "malformed-json",
                null,
                true,
                raw(operation, path, authorization, mediaType, "[".repeat(5_000) + "]".repeat(5_000))));
        cases.add(new Case(
                operation,
                "malformed-json",
                null,
                true,
                raw(operation, path, authorization, mediaType, "{\"a\":\"" + "\\u00".repeat(10) + "\"}")));
        // No body may mean the operation's defaults (a dunning run as of today): not wrong in itself, judged by the
        // counts.
        cases.add(new Case(operation, "empty-body", null, false, raw(operation, path, authorization, mediaType, "")));
        cases.add(
                new Case(operation, "empty-body", null, false, raw(operation, path, authorization, mediaType, "null")));
        boolean arrayBody = body != null && body.isArray();
        for (String wrongShape :
                arrayBody ? List.of("{}", "\"text\"", "42") : List.of("[]", "\"text\"", "42", "true", "[{}]")) {
            cases.add(new Case(
                    operation, "wrong-type", null, true, raw(operation, path, authorization, mediaType, wrongShape)));
        }
        for (String contentType : WRONG_CONTENT_TYPES) {
            cases.add(new Case(
                    operation,
                    "wrong-content-type",
                    null,
                    true,
                    new Request(operation.method(), path, authorization, contentType, bytes(body))));
        }
        List<Field> fields = fields(body, operation.bodySchema().orElseThrow());
        Field required = fields.stream().filter(Field::required).findFirst().orElse(null);
        if (required != null) {
            // JAX-RS reads a body without Content-Type as the one type the operation consumes; so it is sent spoiled
            // too.
            cases.add(new Case(
                    operation,
                    "no-content-type",
                    required.name(),
                    true,
                    new Request(operation.method(), path, authorization, null, bytes(without(body, required.path())))));
        }
        for (Field field : fields) {
            cases.addAll(fieldCases(operation, path, authorization, mediaType, body, field));
        }
        if (required != null) {
            ObjectNode extra = (ObjectNode) without(body, required.path());
            extra.put("fuzzExtra", "x");
            extra.put("id", UUID.randomUUID().toString());
            extra.put("status", "PAID");
            extra.putObject("__proto__").put("admin", true);
            extra.putArray("unexpected").add(1).add("two");
            cases.add(new Case(
                    operation,
                    "extra-fields",
                    required.name(),
                    true,
                    new Request(operation.method(), path, authorization, mediaType, bytes(extra))));
        }
        return cases;
    }

    /**
     * Whether {@link #randomCase} can spoil the operation: a GET of a list without parameters takes no input at all.
     */
    static boolean takesInput(ApiOperation operation) {
        return operation.hasBody() || !operation.parameters().isEmpty();
    }

    /** A random definitely-invalid request for the operation, for the cases beyond the systematic ones. */
    Case randomCase(ApiOperation operation, String authorization) {
        String path = withIds(operation, UUID.randomUUID().toString());
        if (!operation.hasBody() || !operation.bodyMediaType().orElseThrow().contains("json")) {
            List<Parameter> parameters = operation.parameters();
            if (!parameters.isEmpty()) {
                Parameter parameter = parameters.get(random.nextInt(parameters.size()));
                if ("path".equals(parameter.getIn())) {
                    String bad = randomGarbage(2_000);
                    return new Case(
                            operation,
                            "random-path",
                            null,
                            true,
                            new Request(
                                    operation.method(),
                                    withIds(
                                            operation.path().replace("{" + parameter.getName() + "}", encode(bad)),
                                            operation),
                                    authorization,
                                    null,
                                    null));
                }
                List<QueryValue> values = badQueryValues(parameter).stream()
                        .filter(QueryValue::mustFail)
                        .toList();
                if (!values.isEmpty()) {
                    QueryValue value = values.get(random.nextInt(values.size()));
                    return new Case(
                            operation,
                            "random-query",
                            parameter.getName(),
                            true,
                            new Request(
                                    operation.method(),
                                    path + "?" + otherRequired(operation, parameter) + parameter.getName() + "="
                                            + value.value(),
                                    authorization,
                                    null,
                                    null));
                }
            }
            return new Case(
                    operation,
                    "random-path",
                    null,
                    true,
                    new Request(
                            operation.method(),
                            withIds(
                                    operation.path().replaceFirst("\\{[^}]+}", encode(randomGarbage(2_000))),
                                    operation),
                            authorization,
                            null,
                            null));
        }
        String mediaType = operation.bodyMediaType().orElseThrow();
        JsonNode body = example(operation.bodySchema().orElseThrow(), 0);
        List<Field> fields = fields(body, operation.bodySchema().orElseThrow());
        int pick = random.nextInt(10);
        if (fields.isEmpty() || pick == 0) {
            String garbage = random.nextBoolean() ? randomGarbage() : truncated(bytes(body));
            return new Case(
                    operation, "random-malformed", null, true, raw(operation, path, authorization, mediaType, garbage));
        }
        Field field = fields.get(random.nextInt(fields.size()));
        List<JsonNode> wrong = wrongValues(field.schema());
        if (wrong.isEmpty() || (field.required() && pick == 1)) {
            if (field.required()) {
                return new Case(
                        operation,
                        "random-missing",
                        field.name(),
                        true,
                        new Request(
                                operation.method(),
                                path,
                                authorization,
                                mediaType,
                                bytes(without(body, field.path()))));
            }
            return new Case(
                    operation,
                    "random-malformed",
                    null,
                    true,
                    raw(operation, path, authorization, mediaType, randomGarbage()));
        }
        JsonNode value = wrong.get(random.nextInt(wrong.size()));
        return new Case(
                operation,
                "random-wrong-value",
                field.name(),
                true,
                new Request(
                        operation.method(), path, authorization, mediaType, bytes(with(body, field.path(), value))));
    }

    // --- Body fields.

    private List<Case> fieldCases(
            ApiOperation operation, String path, String authorization, String mediaType, JsonNode body, Field field) {
        List<Case> cases = new ArrayList<>();
        String name = field.name();
        if (field.required()) {
            cases.add(new Case(
                    operation,
                    "missing-field",
                    name,
                    true,
                    new Request(
                            operation.method(), path, authorization, mediaType, bytes(without(body, field.path())))));
            cases.add(new Case(
                    operation,
                    "missing-field",
                    name,
                    true,
                    new Request(
                            operation.method(),
                            path,
                            authorization,
                            mediaType,
                            bytes(with(body, field.path(), NODES.nullNode())))));
        }
        for (JsonNode wrong : wrongValues(field.schema())) {
            String kind = kindOf(field.schema());
            cases.add(new Case(
                    operation,
                    kind,
                    name,
                    true,
                    new Request(
                            operation.method(),
                            path,
                            authorization,
                            mediaType,
                            bytes(with(body, field.path(), wrong)))));
        }
        String type = typeOf(field.schema());
        if (type.equals("integer") || type.equals("number")) {
            for (JsonNode outOfRange : outOfRange(field.schema())) {
                cases.add(new Case(
                        operation,
                        "out-of-range",
                        name,
                        true,
                        new Request(
                                operation.method(),
                                path,
                                authorization,
                                mediaType,
                                bytes(with(body, field.path(), outOfRange)))));
            }
        }
        if (type.equals("string")
                && field.schema().getEnum() == null
                && field.schema().getFormat() == null) {
            cases.add(new Case(
                    operation,
                    "huge-string",
                    name,
                    true,
                    new Request(
                            operation.method(),
                            path,
                            authorization,
                            mediaType,
                            bytes(with(body, field.path(), NODES.textNode("x".repeat(HUGE)))))));
        }
        if (type.equals("array")) {
            ArrayNode many = NODES.arrayNode();
            JsonNode item = example(field.schema().getItems(), 1);
            for (int i = 0; i < 10_000; i++) {
                many.add(item);
            }
            cases.add(new Case(
                    operation,
                    "huge-array",
                    name,
                    true,
                    new Request(
                            operation.method(),
                            path,
                            authorization,
                            mediaType,
                            bytes(with(body, field.path(), many)))));
        }
        return cases;
    }

    private static String kindOf(Schema<?> schema) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return "bad-enum";
        }
        String format = schema.getFormat();
        if ("date".equals(format) || "date-time".equals(format)) {
            return "bad-date";
        }
        if ("uuid".equals(format)) {
            return "invalid-uuid-body";
        }
        return "wrong-type";
    }

    /** Values no reader can take for this schema. */
    static List<JsonNode> wrongValues(Schema<?> schema) {
        List<JsonNode> values = new ArrayList<>();
        String type = typeOf(schema);
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            values.add(NODES.textNode("NOT_A_VALUE"));
            values.add(NODES.textNode(""));
            // Not "MEMO ": Jackson trims enum names, and a client's stray blank is no harm.
            values.add(NODES.numberNode(99_999));
        } else if ("date".equals(schema.getFormat())) {
            BAD_DATES.forEach(date -> values.add(NODES.textNode(date)));
        } else if ("date-time".equals(schema.getFormat())) {
            BAD_DATE_TIMES.forEach(date -> values.add(NODES.textNode(date)));
        } else if ("uuid".equals(schema.getFormat())) {
            values.add(NODES.textNode("not-a-uuid"));
            values.add(NODES.textNode("00000000-0000-0000-0000-00000000000g"));
            values.add(NODES.textNode(""));
        } else if ("email".equals(schema.getFormat())) {
            values.add(NODES.textNode("not-an-email"));
            values.add(NODES.textNode("a@"));
        }
        switch (type) {
            case "string" -> {
                values.add(NODES.textNode("nul\u0000character"));
                values.add(NODES.objectNode().put("a", 1));
                values.add(NODES.arrayNode().add("a").add("b"));
            }
            case "integer", "number" -> {
                values.add(NODES.textNode("abc"));
                values.add(NODES.objectNode());
                values.add(NODES.arrayNode().add(1).add(2));
                values.add(NODES.textNode("1,5"));
            }
            case "boolean" -> {
                values.add(NODES.textNode("maybe"));
                values.add(NODES.objectNode());
            }
            case "array" -> {
                values.add(NODES.objectNode().put("a", 1));
                values.add(NODES.numberNode(7));
            }
            case "object" -> {
                values.add(NODES.textNode("text"));
                values.add(NODES.numberNode(7));
                values.add(NODES.arrayNode().add(1));
            }
            default -> {}
        }
        return values;
    }

    /** Outside the schema's bounds where it has any; else negative and huge, which no amount, count or rate may be. */
    static List<JsonNode> outOfRange(Schema<?> schema) {
        List<JsonNode> values = new ArrayList<>();
        boolean integer = typeOf(schema).equals("integer");
        BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.01");
        if (schema.getMinimum() != null) {
            values.add(NODES.numberNode(schema.getMinimum().subtract(step)));
        } else {
            values.add(NODES.numberNode(integer ? BigDecimal.valueOf(-1) : new BigDecimal("-0.01")));
        }
        if (schema.getMaximum() != null) {
            values.add(NODES.numberNode(schema.getMaximum().add(step)));
        }
        values.add(NODES.numberNode(new BigDecimal("99999999999999999999999999")));
        values.add(NODES.numberNode(new BigDecimal("1E+400")));
        values.add(NODES.numberNode(new BigDecimal("-1E+400")));
        return values;
    }

    // --- Query parameters.

    /**
     * The operation's other required query parameters with plausible values, so that the spoiled one is what is judged.
     */
    private static String otherRequired(ApiOperation operation, Parameter spoiled) {
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.in("query")) {
            // The dead-letter list needs its topic, though the document does not say so (a gap of the document).
            boolean needed = Boolean.TRUE.equals(parameter.getRequired()) || PLAUSIBLE.containsKey(parameter.getName());
            if (needed && !parameter.getName().equals(spoiled.getName())) {
                JsonNode value = example(parameter.getName(), parameter.getSchema(), 1);
                query.append(parameter.getName())
                        .append('=')
                        .append(encode(value.asText()))
                        .append('&');
            }
        }
        return query.toString();
    }

    record QueryValue(String kind, String value, boolean mustFail) {}

    /**
     * The services read UUID, enum and date filters as text (DECISIONS.md) and say so in no schema, so what a parameter
     * holds is told by its name, as API.md names them.
     */
    private static List<QueryValue> badQueryValues(Parameter parameter) {
        String name = parameter.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        Schema<?> schema = parameter.getSchema();
        String type = schema == null ? "string" : typeOf(schema);
        List<QueryValue> values = new ArrayList<>();
        if (type.equals("integer") || type.equals("number")) {
            for (String value : List.of("abc", "-1", "99999999999999999999", "1.5", "", "0x10")) {
                boolean invalid = !(value.equals("") || (value.equals("-1") && schema.getMinimum() == null));
                values.add(new QueryValue("invalid-query", value, invalid));
            }
            if (schema.getMaximum() != null) {
                values.add(new QueryValue(
                        "out-of-range", schema.getMaximum().add(BigDecimal.ONE).toPlainString(), true));
            }
        } else if (type.equals("boolean")) {
            values.add(new QueryValue("invalid-query", "maybe", true));
        } else if (lower.endsWith("id") || "uuid".equals(schema == null ? null : schema.getFormat())) {
            // A blank filter is no filter (QueryParameters); "null" is just a string that is no UUID.
            NOT_UUIDS.forEach(value -> values.add(new QueryValue("invalid-uuid-query", value, !value.equals("%20"))));
        } else if (lower.equals("status") || lower.equals("stage") || (schema != null && schema.getEnum() != null)) {
            for (String value : List.of("NOT_A_STATUS", "%00", "x".repeat(1000))) {
                values.add(new QueryValue("bad-enum", value, true));
            }
            // Filters ignore case and surrounding blanks.
            values.add(new QueryValue("bad-enum", "open%20", false));
        } else if (lower.contains("date")
                || lower.contains("before")
                || lower.contains("after")
                || lower.equals("asof")
                || lower.equals("from")
                || lower.equals("to")
                || lower.equals("until")
                || lower.equals("since")) {
            for (String value : List.of("2024-02-30", "2024-13-01", "yesterday", "31.12.2024")) {
                values.add(new QueryValue("bad-date", value, true));
            }
        }
        // Free text (q, types) may be anything, except what no database can compare with; past the gateway's URI
        // limit (4000) it is a 414.
        values.add(new QueryValue("huge-string", "x".repeat(HUGE / 10), true));
        values.add(new QueryValue("huge-string", "x".repeat(3_000), false));
        values.add(new QueryValue("invalid-query", "%FF%FE", false));
        values.add(new QueryValue("invalid-query", "a%00b", true));
        return values;
    }

    // --- Bodies that are not JSON (camt.053 XML).

    private List<Case> nonJsonBody(ApiOperation operation, String path, String authorization, String mediaType) {
        List<Case> cases = new ArrayList<>();
        List<String> bodies = List.of(
                "",
                "not xml",
                "<",
                "<Document>",
                "<?xml version=\"1.0\"?><a></b>",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Document>&e;</Document>",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><Document>&d;&d;&d;</Document>",
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt/></Document>",
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">" + "x".repeat(HUGE)
                        + "</Document>",
                "{\"entries\": []}");
        for (String body : bodies) {
            // A well-formed statement document without statements is nothing to book, not an error.
            boolean empty = body.endsWith("<BkToCstmrStmt/></Document>");
            cases.add(new Case(
                    operation, "malformed-xml", null, !empty, raw(operation, path, authorization, mediaType, body)));
        }
        for (String contentType : List.of("application/json", "text/plain", "application/octet-stream")) {
            cases.add(new Case(
                    operation,
                    "wrong-content-type",
                    null,
                    true,
                    new Request(
                            operation.method(),
                            path,
                            authorization,
                            contentType,
                            "{\"a\":1}".getBytes(StandardCharsets.UTF_8))));
        }
        return cases;
    }

    // --- Building bodies.

    /**
     * Values the schema cannot tell (an e-mail address, a VAT id, a VAT rate of 19): without them every body would
     * already be wrong, and the one spoiled field would never be what is judged.
     */
    private static final Map<String, JsonNode> PLAUSIBLE = Map.ofEntries(
            Map.entry("email", NODES.textNode("fuzz@example.org")),
            Map.entry("managerEmail", NODES.textNode("pm@example.org")),
            Map.entry("vatId", NODES.textNode("DE811907980")),
            Map.entry("country", NODES.textNode("DE")),
            Map.entry("postalCode", NODES.textNode("10115")),
            Map.entry("vatRate", NODES.numberNode(19)),
            Map.entry("currency", NODES.textNode("EUR")),
            Map.entry("weeklyHours", NODES.numberNode(40)),
            Map.entry("annualSalary", NODES.numberNode(60000)),
            // A permanent contract has no end, and a payment names its invoice one way only.
            Map.entry("endDate", NODES.nullNode()),
            Map.entry("fixedTermReason", NODES.nullNode()),
            Map.entry("reference", NODES.nullNode()),
            Map.entry("invoiceNumber", NODES.textNode("RE-2030-000001")),
            // An account as banks write it in files (accounts payable, issue #26).
            Map.entry("iban", NODES.textNode("DE02120300000000202051")),
            Map.entry("bic", NODES.textNode("BYLADEM1001")),
            Map.entry("participants", NODES.arrayNode().add("pm@example.org")),
            Map.entry("topic", NODES.textNode("sales.customers")),
            // Evidence of a test run is a link a person can open (product development, issue #19).
            Map.entry("evidenceUrl", NODES.textNode("https://ci.example.org/runs/1")));

    private static JsonNode example(String name, Schema<?> schema, int depth) {
        JsonNode plausible = PLAUSIBLE.get(name);
        if (plausible != null && (plausible.isNull() || plausible.isContainerNode())) {
            return plausible;
        }
        String type = schema == null ? "" : typeOf(effective(schema));
        return plausible != null
                        && (type.equals(plausible.isNumber() ? "integer" : "string")
                                || type.equals("number")
                                || (plausible.isNumber() && type.equals("integer")))
                ? plausible
                : example(schema, depth);
    }

    /** A plausible value for the schema: what a careful client would send. */
    static JsonNode example(Schema<?> schema, int depth) {
        if (schema == null) {
            return NODES.textNode("fuzz");
        }
        Schema<?> effective = effective(schema);
        if (effective.getEnum() != null && !effective.getEnum().isEmpty()) {
            return JSON.valueToTree(effective.getEnum().get(0));
        }
        String type = typeOf(effective);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 5 && effective.getProperties() != null) {
                    effective
                            .getProperties()
                            .forEach((name, property) -> object.set(name, example(name, property, depth + 1)));
                }
                if (depth < 5 && effective.getAdditionalProperties() instanceof Schema<?> values) {
                    object.set("quality", example(values, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int count = effective.getMinItems() != null ? Math.max(1, effective.getMinItems()) : 1;
                for (int i = 0; i < count && depth < 5; i++) {
                    array.add(example(effective.getItems(), depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                BigDecimal value = BigDecimal.ONE;
                if (effective.getMinimum() != null && effective.getMinimum().compareTo(value) > 0) {
                    value = effective.getMinimum();
                }
                if (effective.getMaximum() != null && effective.getMaximum().compareTo(value) < 0) {
                    value = effective.getMaximum();
                }
                return type.equals("integer") ? NODES.numberNode(value.toBigInteger()) : NODES.numberNode(value);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                String format = effective.getFormat() == null ? "" : effective.getFormat();
                String text = switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "email" -> "fuzz@example.org";
                    case "date" -> "2030-01-15";
                    case "date-time" -> "2030-01-15T10:00:00Z";
                    case "time", "local-time" -> "10:00:00";
                    default -> "fuzz";
                };
                if (effective.getMinLength() != null && text.length() < effective.getMinLength()) {
                    text = text + "z".repeat(effective.getMinLength() - text.length());
                }
                return NODES.textNode(text);
            }
        }
    }

    /** allOf/anyOf/oneOf as OpenAPI 3.1 documents write a nullable reference: the first branch that is not null. */
    static Schema<?> effective(Schema<?> schema) {
        for (List<Schema> branches : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (branches != null) {
                for (Schema<?> branch : branches) {
                    if (!"null".equals(typeOf(branch))
                            && (branch.getProperties() != null
                                    || branch.getType() != null
                                    || branch.getTypes() != null
                                    || branch.getEnum() != null)) {
                        return branch;
                    }
                }
            }
        }
        return schema;
    }

    /** Every field of the example body, depth first, with whether its parent requires it. */
    static List<Field> fields(JsonNode body, Schema<?> schema) {
        List<Field> fields = new ArrayList<>();
        collect(new ArrayList<>(), effective(schema), fields, 0);
        return fields;
    }

    private static void collect(List<Object> path, Schema<?> schema, List<Field> out, int depth) {
        if (depth > 4) {
            return;
        }
        String type = typeOf(schema);
        if (type.equals("object") && schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                List<Object> child = new ArrayList<>(path);
                child.add(property.getKey());
                Schema<?> propertySchema = effective(property.getValue());
                out.add(new Field(List.copyOf(child), propertySchema, required.contains(property.getKey())));
                collect(child, propertySchema, out, depth + 1);
            }
        } else if (type.equals("array") && schema.getItems() != null) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            Schema<?> items = effective(schema.getItems());
            out.add(new Field(List.copyOf(child), items, false));
            collect(child, items, out, depth + 1);
        }
    }

    static JsonNode with(JsonNode body, List<Object> path, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = navigate(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array && array.size() > (Integer) last) {
            array.set((Integer) last, value);
        }
        return copy;
    }

    static JsonNode without(JsonNode body, List<Object> path) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = navigate(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove((String) last);
        } else if (parent instanceof ArrayNode array && array.size() > (Integer) last) {
            array.remove((Integer) last);
        }
        return copy;
    }

    private static JsonNode navigate(JsonNode node, List<Object> path) {
        JsonNode current = node;
        for (Object step : path) {
            current = step instanceof Integer index ? current.path(index) : current.path((String) step);
        }
        return current;
    }

    // --- Small things.

    private static String withIds(ApiOperation operation, String id) {
        // A legal document's kind is a word, not an id (legal-service, issue #18).
        return operation.path().replace("{kind}", "AGB").replaceAll("\\{[^}]+}", id);
    }

    private static String withIds(String path, ApiOperation operation) {
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static Request request(ApiOperation operation, String path, String authorization, JsonNode body) {
        if (!operation.hasBody()) {
            return new Request(operation.method(), path, authorization, null, null);
        }
        String mediaType = operation.bodyMediaType().orElseThrow();
        return new Request(
                operation.method(),
                path,
                authorization,
                mediaType,
                mediaType.contains("json") ? bytes(body) : "<Document/>".getBytes(StandardCharsets.UTF_8));
    }

    private static Request raw(
            ApiOperation operation, String path, String authorization, String mediaType, String body) {
        return new Request(operation.method(), path, authorization, mediaType, body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(JsonNode body) {
        try {
            return body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String JSON_CHARACTERS = "{}[]\":,\\x0 ";

    /**
     * Up to 20,000 characters in a body; in a path at most 2,000, so that the encoded path stays below the gateway's
     * request-line backstop (64 KB, see DECISIONS.md), where the HTTP codec answers without problem details.
     */
    private String randomGarbage() {
        return randomGarbage(20_000);
    }

    private String randomGarbage(int longest) {
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? longest : 64);
        StringBuilder garbage = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            garbage.append(
                    random.nextInt(4) == 0
                            ? (char) random.nextInt(0x3000)
                            : JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length())));
        }
        return garbage.toString();
    }

    private String truncated(byte[] body) {
        if (body.length < 2) {
            return "{";
        }
        return new String(body, 0, 1 + random.nextInt(body.length - 1), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
