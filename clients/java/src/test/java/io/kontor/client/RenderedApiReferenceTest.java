package io.kontor.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/API-REFERENCE.md} is {@code docs/openapi.json} rendered (#25: the API reference comes from the same
 * document, no copy that can drift). With {@code -Dkontor.openapi.write=true} it is rewritten instead of compared, as
 * the system tests' {@code ApiContractTest} does for the document itself.
 */
class RenderedApiReferenceTest {

    @Test
    void the_api_reference_in_docs_is_the_document_rendered() throws IOException {
        Path docs = ApiDocuments.docs();
        JsonNode document =
                new ObjectMapper().readTree(docs.resolve("openapi.json").toFile());
        String rendered = ApiReferenceMarkdown.render(document);
        Path reference = docs.resolve("API-REFERENCE.md");
        if (Boolean.getBoolean("kontor.openapi.write")) {
            Files.writeString(reference, rendered, StandardCharsets.UTF_8);
        }
        assertThat(reference).exists();
        assertThat(Files.readString(reference, StandardCharsets.UTF_8))
                .as("docs/API-REFERENCE.md is stale: regenerate it with -Dkontor.openapi.write=true")
                .isEqualTo(rendered);
    }

    @Test
    void every_operation_and_schema_of_the_document_is_in_the_reference() throws IOException {
        JsonNode document = new ObjectMapper()
                .readTree(ApiDocuments.docs().resolve("openapi.json").toFile());
        String rendered = ApiReferenceMarkdown.render(document);
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue().has("operationId")) {
                        assertThat(rendered)
                                .contains("`" + op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()
                                        + "`")
                                .contains(
                                        "`" + op.getValue().path("operationId").asText() + "`");
                    }
                }));
        document.path("components")
                .path("schemas")
                .fieldNames()
                .forEachRemaining(name -> assertThat(rendered).contains("### " + name + "\n"));
    }
}
