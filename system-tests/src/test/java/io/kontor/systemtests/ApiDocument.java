package io.kontor.systemtests;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's one OpenAPI document ({@code /q/openapi}), read with swagger-parser with every {@code $ref} resolved,
 * as the list of operations the public API offers. The fuzzing and role-matrix tests derive their requests from it, so
 * a route added to a service is covered without touching them.
 */
record ApiDocument(OpenAPI api, List<ApiOperation> operations) {

    /** One method on one path, with its parameters (path-level ones included) and its request body's schema, if any. */
    record ApiOperation(
            String method,
            String path,
            List<Parameter> parameters,
            Optional<String> bodyMediaType,
            Optional<Schema<?>> bodySchema,
            boolean bodyRequired) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> where.equals(p.getIn())).toList();
        }

        boolean hasBody() {
            return bodyMediaType.isPresent();
        }

        /** As in the summaries: {@code POST /api/v1/sales/offers/{id}/accept}. */
        String name() {
            return method + " " + path;
        }
    }

    static ApiDocument fetch(String gatewayUrl) {
        String json = download(URI.create(gatewayUrl + "/q/openapi?format=json"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("The gateway's OpenAPI document cannot be read: " + result.getMessages());
        }
        if (api.getExtensions() != null && api.getExtensions().containsKey("x-kontor-unavailable")) {
            throw new IllegalStateException("The gateway's OpenAPI document misses services: "
                    + api.getExtensions().get("x-kontor-unavailable"));
        }
        List<ApiOperation> operations = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> operations.add(operation(path, method, item, operation))));
        operations.sort(Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method));
        return new ApiDocument(api, List.copyOf(operations));
    }

    private static ApiOperation operation(String path, PathItem.HttpMethod method, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        if (item.getParameters() != null) {
            Set<String> named = Set.copyOf(
                    parameters.stream().map(p -> p.getIn() + ":" + p.getName()).toList());
            item.getParameters().stream()
                    .filter(p -> !named.contains(p.getIn() + ":" + p.getName()))
                    .forEach(parameters::add);
        }
        Optional<String> mediaType = Optional.empty();
        Optional<Schema<?>> schema = Optional.empty();
        boolean required = false;
        if (operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null
                && !operation.getRequestBody().getContent().isEmpty()) {
            var content = operation.getRequestBody().getContent();
            // JSON where offered: that is what the fuzzing varies; other bodies (camt.053 XML) are sent as they are
            // named.
            Map.Entry<String, io.swagger.v3.oas.models.media.MediaType> chosen = content.entrySet().stream()
                    .filter(e -> e.getKey().contains("json"))
                    .findFirst()
                    .orElse(content.entrySet().iterator().next());
            mediaType = Optional.of(chosen.getKey());
            schema = Optional.ofNullable(chosen.getValue().getSchema());
            required = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
        }
        return new ApiOperation(method.name(), path, List.copyOf(parameters), mediaType, schema, required);
    }

    /** The schema's one JSON type; OpenAPI 3.1 writes a nullable one as {@code ["string", "null"]}. */
    static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return "object";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream()
                    .filter(t -> !"null".equals(t))
                    .findFirst()
                    .orElse("null");
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return "string";
        }
        return "any";
    }

    private static String download(URI uri) {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .header("Accept", "application/json")
                            // In production (which the local platform runs) the API description needs a token (#24).
                            .header("Authorization", io.kontor.testing.TestTokens.bearer("admin"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
