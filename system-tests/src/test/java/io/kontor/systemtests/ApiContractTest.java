package io.kontor.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.local.RepoRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published API document {@code docs/openapi.json} is exactly what the running gateway serves at {@code /q/openapi}
 * (issue #25): the Java and TypeScript clients ({@code clients/java}), the lint ({@code ApiDocumentLintTest}) and the
 * breaking-change check ({@code ApiCompatibilityTest}) work on the file, so code and file must not drift. After a
 * change of the API, regenerate it with {@code -Dkontor.openapi.write=true} and commit it with the change.
 */
class ApiContractTest extends SystemTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void the_published_api_document_is_the_one_the_gateway_serves() throws Exception {
        String served = canonical(download(platform.gatewayUrl() + "/q/openapi?format=json"));
        Path file = RepoRoot.find(Path.of("")).resolve("docs").resolve("openapi.json");
        if (Boolean.getBoolean("kontor.openapi.write")) {
            Files.writeString(file, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "")
                .as("docs/openapi.json differs from the gateway's /q/openapi: regenerate it with"
                        + " -Dkontor.openapi.write=true and commit it with the change")
                .isEqualTo(served);
    }

    /**
     * Keys sorted, the servers (the test's random port) left out, two-space indentation and a final newline: the same
     * document gives the same text.
     */
    static String canonical(String document) throws IOException {
        JsonNode tree = JSON.readTree(document);
        ((ObjectNode) tree).remove("servers");
        return JSON.writeValueAsString(sorted(tree)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static String download(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", io.kontor.testing.TestTokens.bearer("admin"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).has("x-kontor-unavailable"))
                .as("a service's document is missing")
                .isFalse();
        return answer.body();
    }
}
