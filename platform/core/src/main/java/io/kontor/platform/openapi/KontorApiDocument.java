package io.kontor.platform.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes every service's generated OpenAPI document say what the platform really does, once for all services instead of
 * annotations on every endpoint (issue #25). Registered by {@code mp.openapi.filter} in the platform's defaults; the
 * gateway merges the filtered documents into {@code /q/openapi}. It
 *
 * <ul>
 *   <li>names operations per domain ({@code salesCreateOffer}, {@code accountingListInvoice}), so that no two services'
 *       {@code list} or {@code getCustomer} collide in the merged document or in a generated client;
 *   <li>declares the answers the platform and the gateway give on every operation as problem details (RFC 9457): 400
 *       where something is read from the request, 401/403 where a role is needed, 404 where a path or a body names a
 *       thing, 409 and 422 where a request changes something, 408/413/415 where a body is sent, 414/429/500/502/503/504
 *       always (the gateway's limits, {@code ProblemMappers}, the gateway's proxy);
 *   <li>declares the {@code X-Correlation-Id} answer header everywhere and {@code Retry-After} where the gateway sends
 *       it;
 *   <li>marks every property that is not {@code required} as possibly {@code null} (OAS 3.1 {@code type: [X, "null"]}):
 *       the services write absent values as JSON {@code null};
 *   <li>describes the bearer scheme (a JWT, RFC 7519/8725).
 * </ul>
 *
 * Decimal amounts and dates are components of their own ({@code mp.openapi.schema.*} in the platform's defaults).
 */
public class KontorApiDocument implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";
    private static final String HEADERS = "#/components/headers/";

    /** The platform's answers: status, component name, description. */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put(
                "400", new String[] {"BadRequest", "The request is malformed or a field is invalid (`violations`)."});
        ERRORS.put("401", new String[] {"Unauthorized", "No valid bearer token."});
        ERRORS.put("403", new String[] {"Forbidden", "The token's roles do not allow this operation."});
        ERRORS.put("404", new String[] {"NotFound", "Nothing with this id (or not visible to the caller)."});
        ERRORS.put("408", new String[] {"RequestTimeout", "The request body arrived too slowly (gateway)."});
        ERRORS.put("409", new String[] {"Conflict", "The change does not fit the current state."});
        ERRORS.put("413", new String[] {"ContentTooLarge", "The request body is larger than the gateway accepts."});
        ERRORS.put("414", new String[] {"UriTooLong", "Path and query are longer than the gateway accepts."});
        ERRORS.put("415", new String[] {"UnsupportedMediaType", "The body's media type is not accepted."});
        ERRORS.put(
                "422",
                new String[] {"UnprocessableContent", "The Idempotency-Key was used before with a different request."});
        ERRORS.put(
                "429",
                new String[] {"TooManyRequests", "Rate or in-flight limit of the caller reached; see Retry-After."});
        ERRORS.put("500", new String[] {"InternalError", "A fault on our side; quote the correlation id."});
        ERRORS.put("502", new String[] {"BadGateway", "The service broke off (gateway); the effect is unknown."});
        ERRORS.put("503", new String[] {
            "ServiceUnavailable", "The service cannot be reached right now; see Retry-After if sent."
        });
        ERRORS.put(
                "504", new String[] {"GatewayTimeout", "The service did not answer in time; the effect is unknown."});
    }

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        addProblem(components);
        addHeadersAndResponses(components);
        describeBearer(components);
        inlineConstrainedDecimals(api);
        nullable(components);
        String domain = domain(api);
        Set<String> taken = new TreeSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths()
                    .getPathItems()
                    .forEach((path, item) -> item.getOperations()
                            .forEach((method, operation) -> operation(domain, path, method, operation, taken)));
        }
    }

    // --- operations

    private static void operation(
            String domain, String path, PathItem.HttpMethod method, Operation operation, Set<String> taken) {
        requiredBody(operation);
        operation.setOperationId(operationId(domain, operation.getOperationId(), taken));
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean reads = body
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        boolean changing = CHANGING.contains(method.name());
        Map<String, APIResponse> answers = responses.getAPIResponses() == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(responses.getAPIResponses());
        answers.forEach((status, response) -> {
            if (status.startsWith("2") || status.startsWith("3")) {
                response.addHeader(CORRELATION_HEADER, OASFactory.createHeader().ref(HEADERS + CORRELATION_HEADER));
            }
        });
        List<String> statuses = new ArrayList<>();
        if (reads) statuses.add("400");
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        // A body may name things too (a customer, a dead letter's event): one that does not exist is a 404 as well.
        if (path.contains("{") || body) statuses.add("404");
        if (body) statuses.add("408");
        if (changing) statuses.add("409");
        if (body) statuses.add("413");
        statuses.add("414");
        if (body) statuses.add("415");
        if (changing) statuses.add("422");
        statuses.addAll(List.of("429", "500", "502", "503", "504"));
        for (String status : statuses) {
            answers.put(status, OASFactory.createAPIResponse().ref(RESPONSES + ERRORS.get(status)[0]));
        }
        responses.setAPIResponses(answers);
    }

    /**
     * {@code <domain><Method>}: the resource method's name (smallrye's {@code METHOD} strategy) under the domain. A
     * one-word name ({@code list}, {@code get}) takes the resource's noun from the tag smallrye gives it.
     */
    static String operationId(String domain, String methodId, Set<String> taken) {
        String base = methodId == null ? "operation" : methodId;
        int separator = base.lastIndexOf('_');
        String resource = "";
        if (separator >= 0) {
            String type = base.substring(0, separator);
            type = type.substring(type.lastIndexOf('.') + 1);
            resource = type.endsWith("Resource") ? type.substring(0, type.length() - "Resource".length()) : type;
            base = base.substring(separator + 1);
        }
        boolean oneWord = base.chars().noneMatch(Character::isUpperCase);
        String name = base;
        if (oneWord && !resource.isEmpty()) {
            // overview of CustomerOverviewResource: customerOverview; list of InvoiceResource: listInvoice.
            name = resource.toLowerCase(Locale.ROOT).contains(base)
                    ? Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
                    : base + resource;
        }
        String id = domain.isEmpty() ? name : domain + capitalized(name);
        if (!taken.add(id)) {
            String longer = (domain.isEmpty() ? "" : domain) + resource + capitalized(base);
            id = Character.toLowerCase(longer.charAt(0)) + longer.substring(1);
            for (int n = 2; !taken.add(id); n++) {
                id = longer + n;
            }
        }
        return id;
    }

    /**
     * smallrye calls every request body required; a resource method whose body parameter is not {@code @NotNull} takes
     * the request without one ({@code POST /offers/{id}/send}). The method is found by the operation id smallrye gives
     * ({@code PACKAGE_CLASS_METHOD}: {@code io.kontor.sales.offer.OfferResource_sendOffer}); if it cannot be loaded,
     * the body stays required.
     */
    private static void requiredBody(Operation operation) {
        String id = operation.getOperationId();
        if (operation.getRequestBody() == null || id == null || id.lastIndexOf('_') < 0) {
            return;
        }
        try {
            Class<?> resource = Class.forName(
                    id.substring(0, id.lastIndexOf('_')),
                    false,
                    Thread.currentThread().getContextClassLoader());
            String name = id.substring(id.lastIndexOf('_') + 1);
            Boolean required = null;
            for (java.lang.reflect.Method method : resource.getMethods()) {
                if (!method.getName().equals(name)) {
                    continue;
                }
                for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                    boolean bound = false;
                    boolean notNull = false;
                    for (java.lang.annotation.Annotation annotation : parameter.getAnnotations()) {
                        String type = annotation.annotationType().getName();
                        bound |= type.startsWith("jakarta.ws.rs.") || type.startsWith("org.jboss.resteasy.reactive.");
                        notNull |= type.equals("jakarta.validation.constraints.NotNull");
                    }
                    if (!bound) {
                        required = required == null ? notNull : required && notNull;
                    }
                }
            }
            if (Boolean.FALSE.equals(required)) {
                operation.getRequestBody().setRequired(null);
            }
        } catch (ClassNotFoundException | LinkageError | SecurityException unknown) {
            // Not loadable here: keep smallrye's word.
        }
    }

    /** The domain every path starts with ({@code /api/v1/sales/...} → sales), or {@code kontor.openapi.domain}. */
    static String domain(OpenAPI api) {
        Optional<String> configured = Optional.empty();
        try {
            configured = ConfigProvider.getConfig().getOptionalValue("kontor.openapi.domain", String.class);
        } catch (RuntimeException | LinkageError noConfig) {
            // Outside Quarkus (a unit test): the paths tell.
        }
        if (configured.isPresent()) {
            return camel(configured.get());
        }
        Set<String> domains = new TreeSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (String path : api.getPaths().getPathItems().keySet()) {
                String[] parts = path.split("/");
                domains.add(parts.length > 3 && "api".equals(parts[1]) ? parts[3] : "");
            }
        }
        return domains.size() == 1 ? camel(domains.iterator().next()) : "";
    }

    private static String camel(String domain) {
        StringBuilder name = new StringBuilder();
        for (String part : domain.split("-")) {
            if (!part.isEmpty()) {
                name.append(name.isEmpty() ? part.toLowerCase(Locale.ROOT) : capitalized(part));
            }
        }
        return name.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // --- components

    private static void addProblem(Components components) {
        Schema violation = OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("One wrong field of a request.")
                .addRequired("field")
                .addRequired("message")
                .addProperty(
                        "field",
                        string(1000)
                                .description("JSON path of the field as the client named it, e.g. billingAddress.city"))
                .addProperty("message", string(1000).description("What is wrong with it."));
        Schema problem = OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details: the body of every error answer (" + PROBLEM_JSON + ").")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                        "type",
                        string(200)
                                .description("urn:kontor:problem:<slug>, stable per kind of problem")
                                .addExample("urn:kontor:problem:validation-failed"))
                .addProperty("title", string(200).addExample("Invalid request"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(SchemaType.INTEGER)
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", string(10_000))
                .addProperty(
                        "correlationId",
                        string(200).description("The request's " + CORRELATION_HEADER + "; quote it when asking."))
                .addProperty(
                        "violations",
                        OASFactory.createSchema()
                                .addType(SchemaType.ARRAY)
                                .maxItems(1000)
                                .items(OASFactory.createSchema().ref(SCHEMAS + "ProblemViolation")));
        components.addSchema("ProblemViolation", violation);
        components.addSchema(PROBLEM, problem);
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(SchemaType.STRING).maxLength(maxLength);
    }

    private static void addHeadersAndResponses(Components components) {
        components.addHeader(
                CORRELATION_HEADER,
                OASFactory.createHeader()
                        .description("The request's correlation id: the caller's own X-Correlation-Id, or one made up"
                                + " for the request. It is in the logs and in the events the request caused.")
                        .schema(string(200)));
        components.addHeader(
                "Retry-After",
                OASFactory.createHeader()
                        .description("Seconds to wait before trying again (RFC 9110, section 10.2.3).")
                        .schema(OASFactory.createSchema()
                                .addType(SchemaType.INTEGER)
                                .format("int64")
                                .minimum(java.math.BigDecimal.ZERO)));
        ERRORS.forEach((status, named) -> {
            APIResponse response = OASFactory.createAPIResponse()
                    .description(named[1])
                    .addHeader(CORRELATION_HEADER, OASFactory.createHeader().ref(HEADERS + CORRELATION_HEADER))
                    .content(problemContent());
            if ("429".equals(status) || "503".equals(status)) {
                Header retry = OASFactory.createHeader().ref(HEADERS + "Retry-After");
                response.addHeader("Retry-After", retry);
            }
            if ("401".equals(status)) {
                response.addHeader(
                        "WWW-Authenticate",
                        OASFactory.createHeader().description("Bearer").schema(string(200)));
            }
            components.addResponse(named[0], response);
        });
    }

    private static Content problemContent() {
        MediaType problem =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM));
        return OASFactory.createContent().addMediaType(PROBLEM_JSON, problem);
    }

    private static void describeBearer(Components components) {
        if (components.getSecuritySchemes() == null) {
            return;
        }
        for (SecurityScheme scheme : components.getSecuritySchemes().values()) {
            if (scheme.getType() == SecurityScheme.Type.HTTP && "bearer".equalsIgnoreCase(scheme.getScheme())) {
                scheme.setBearerFormat("JWT");
                scheme.setDescription("A JWT (RFC 7519) from the company's identity provider in the Authorization"
                        + " header (RFC 6750), signed with RS256; the API checks signature, issuer, audience"
                        + " (`kontor`) and expiry (RFC 8725 best practices). The roles are the `groups` claim; each"
                        + " operation lists the roles it admits as this scheme's scopes.");
            }
        }
    }

    // --- bounded amounts

    /**
     * smallrye writes a bounded BigDecimal as {@code {$ref: Decimal, minimum: ..}}: legal in OAS 3.1, but tools that
     * resolve references (swagger-parser's resolveFully, several code generators) merge the siblings into the one
     * shared {@code Decimal} object, so one field's bounds end up on every amount. Such a field gets its own inline
     * schema.
     */
    private static void inlineConstrainedDecimals(OpenAPI api) {
        IdentityHashMap<Schema, Boolean> seen = new IdentityHashMap<>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(s -> inlineConstrainedDecimals(s, seen));
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (var item : api.getPaths().getPathItems().values()) {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> inlineConstrainedDecimals(p.getSchema(), seen));
            }
            for (var operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> inlineConstrainedDecimals(p.getSchema(), seen));
                }
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    operation
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()
                            .forEach(m -> inlineConstrainedDecimals(m.getSchema(), seen));
                }
            }
        }
    }

    private static void inlineConstrainedDecimals(Schema schema, IdentityHashMap<Schema, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        if ((SCHEMAS + "Decimal").equals(schema.getRef())
                && (schema.getMinimum() != null
                        || schema.getMaximum() != null
                        || schema.getExclusiveMinimum() != null
                        || schema.getExclusiveMaximum() != null
                        || schema.getMultipleOf() != null)) {
            schema.setRef(null);
            schema.setType(List.of(SchemaType.NUMBER));
            schema.setFormat("decimal");
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> inlineConstrainedDecimals(s, seen));
        }
        inlineConstrainedDecimals(schema.getItems(), seen);
        inlineConstrainedDecimals(schema.getAdditionalPropertiesSchema(), seen);
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> inlineConstrainedDecimals(s, seen));
            }
        }
    }

    // --- nullability

    /**
     * A property a service does not require may be missing or {@code null}: records with an absent value are written as
     * {@code null}. Required ones (validation annotations) stay non-null.
     */
    private static void nullable(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        for (Schema schema : components.getSchemas().values()) {
            decimalMapValues(schema);
            nullableProperties(schema);
        }
    }

    /**
     * smallrye maps BigDecimal to the Decimal component, but not as the value of a map ({@code Map<String, BigDecimal>}
     * buckets): there it is a bare {@code number}. Doubles carry {@code format: double}, so a bare number is a decimal.
     */
    private static void decimalMapValues(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        Schema values = schema.getAdditionalPropertiesSchema();
        if (values != null
                && values.getRef() == null
                && values.getFormat() == null
                && values.getType() != null
                && values.getType().contains(SchemaType.NUMBER)) {
            schema.setAdditionalPropertiesSchema(OASFactory.createSchema().ref(SCHEMAS + "Decimal"));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(KontorApiDocument::decimalMapValues);
        }
        if (schema.getItems() != null) {
            decimalMapValues(schema.getItems());
        }
    }

    private static void nullableProperties(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        Map<String, Schema> changed = new HashMap<>();
        properties.forEach((name, property) -> {
            if (property.getRef() == null) {
                nullableProperties(property);
                if (property.getItems() != null) {
                    nullableProperties(property.getItems());
                }
            }
            if (!required.contains(name)) {
                changed.put(name, orNull(property));
            }
        });
        properties.replaceAll((name, property) -> changed.getOrDefault(name, property));
        schema.setProperties(properties);
    }

    static Schema orNull(Schema property) {
        if (property.getRef() != null || property.getEnumeration() != null) {
            return OASFactory.createSchema()
                    .addAnyOf(property)
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        if (property.getType() != null && !property.getType().isEmpty()) {
            if (!property.getType().contains(SchemaType.NULL)) {
                property.addType(SchemaType.NULL);
            }
            return property;
        }
        if (property.getAnyOf() != null
                && property.getAnyOf().stream()
                        .noneMatch(s -> s.getType() != null && s.getType().contains(SchemaType.NULL))) {
            property.addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        return property;
    }
}
