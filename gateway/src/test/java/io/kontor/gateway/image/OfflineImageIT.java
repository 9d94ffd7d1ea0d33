package io.kontor.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's container image as Jib builds it (issue #22), read from the tarball of the offline image check
 * (gateway/pom.xml, executions "offline-base-image" and "offline-image"): the root pom's image name and tag, the
 * non-root user 185, both ports, and the application in Quarkus' fast-jar layers, readable by that user. The base is a
 * stand-in (no registry is reachable in CI), so the base's own content and the entrypoint Quarkus gives the production
 * base (UBI's run-java.sh) are not checked here; deploy/README.md, "Images", says what is and is not verified.
 */
class OfflineImageIT {

    private static final Path TARBALL = Path.of("target", "offline-image", "gateway.tar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode manifest;
    private static JsonNode config;
    private static Map<String, byte[]> archive;

    @BeforeAll
    static void read() throws IOException {
        assertThat(TARBALL)
                .as("built by the offline-image execution in package")
                .isRegularFile();
        archive = new HashMap<>();
        try (InputStream in = Files.newInputStream(TARBALL)) {
            Tar.read(in, (name, mode, content) -> archive.put(name, content));
        }
        manifest = JSON.readTree(archive.get("manifest.json")).get(0);
        config = JSON.readTree(archive.get(manifest.get("Config").asText()));
    }

    @Test
    void the_image_has_the_name_and_tag_the_manifests_use() {
        String version = System.getProperty("project.version");
        assertThat(version)
                .as("project.version, set by failsafe (gateway/pom.xml)")
                .isNotBlank();
        assertThat(manifest.get("RepoTags")).extracting(JsonNode::asText).contains("ghcr.io/kontor/gateway:" + version);
    }

    @Test
    void the_image_runs_as_user_185_and_exposes_the_api_and_management_ports() {
        JsonNode run = config.get("config");
        assertThat(run.get("User").asText()).isEqualTo("185");
        List<String> ports = new ArrayList<>();
        run.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactlyInAnyOrder("8080/tcp", "9000/tcp");
        assertThat(run.get("WorkingDir").asText()).isEqualTo("/home/jboss");
        assertThat(run.get("Entrypoint"))
                .extracting(JsonNode::asText)
                .contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
                .last()
                .isEqualTo("quarkus-run.jar");
    }

    // Layer entries are relative ("home/jboss/...", sometimes "./home/..."); the image's paths are absolute.
    private static String absolute(String name) {
        String relative = name.startsWith("./") ? name.substring(2) : name;
        return relative.startsWith("/") ? relative : "/" + relative;
    }

    @Test
    void the_application_is_in_quarkus_fast_jar_layers_readable_by_its_user() throws IOException {
        List<String> comments = new ArrayList<>();
        config.get("history").forEach(h -> comments.add(h.path("comment").asText()));
        assertThat(comments)
                .contains(
                        "fast-jar-boot-libs",
                        "fast-jar-normal-libs",
                        "fast-jar-run",
                        "fast-jar-quarkus-app",
                        "fast-jar-quarkus");
        assertThat(manifest.get("Layers"))
                .hasSize(config.get("rootfs").get("diff_ids").size());

        Map<String, Integer> files = new HashMap<>();
        for (JsonNode layer : manifest.get("Layers")) {
            byte[] bytes = archive.get(layer.asText());
            assertThat(bytes).as("layer %s in the tarball", layer.asText()).isNotNull();
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                Tar.read(in, (name, mode, content) -> files.put(absolute(name), mode));
            }
        }
        assertThat(files).containsKeys("/home/jboss/quarkus-run.jar", "/home/jboss/quarkus/quarkus-application.dat");
        assertThat(files.keySet()).anyMatch(name -> name.startsWith("/home/jboss/lib/main/"));
        assertThat(files.keySet()).anyMatch(name -> name.matches("/home/jboss/app/kontor-gateway-.*\\.jar"));
        // The user 185 owns none of it: every file must be readable by "others".
        assertThat(files.get("/home/jboss/quarkus-run.jar") & 0004).isNotZero();
    }
}
