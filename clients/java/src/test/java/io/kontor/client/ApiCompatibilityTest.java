package io.kontor.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * {@code /api/v1} stays compatible (issue #25, README "Integrating with Kontor"): the published document
 * {@code docs/openapi.json} compared with the document of the last release {@code docs/openapi-release.json} by
 * OpenAPITools' openapi-diff. An operation removed, a parameter or field newly required, a type narrowed, a status or
 * field an integrator reads taken away: the build fails. Adding operations, optional fields and answers is fine. A
 * release copies docs/openapi.json to docs/openapi-release.json; a breaking change needs {@code /api/v2} instead.
 */
class ApiCompatibilityTest {

    @Test
    void the_published_api_is_compatible_with_the_last_release() {
        Path docs = ApiDocuments.docs();
        ChangedOpenApi diff = OpenApiCompare.fromLocations(
                docs.resolve("openapi-release.json").toUri().toString(),
                docs.resolve("openapi.json").toUri().toString());
        List<String> breaking = new ArrayList<>();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            breaking.add("removed: " + missing.getMethod() + " " + missing.getPathUrl());
        }
        for (ChangedOperation changed : diff.getChangedOperations()) {
            if (changed.isIncompatible()) {
                breaking.add("changed incompatibly: " + changed.getHttpMethod() + " " + changed.getPathUrl());
            }
        }
        assertThat(breaking)
                .as("breaking changes against docs/openapi-release.json (a new major version /api/v2 is needed)")
                .isEmpty();
        assertThat(diff.isCoreChanged().isIncompatible()).isFalse();
    }

    @Test
    void the_release_baseline_is_checked_in() {
        assertThat(Files.exists(ApiDocuments.docs().resolve("openapi-release.json")))
                .isTrue();
    }
}
