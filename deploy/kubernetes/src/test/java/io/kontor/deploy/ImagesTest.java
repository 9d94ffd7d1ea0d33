package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The images the build makes (Jib, configured once in the root pom) are the images the manifests run: same registry,
 * group and name, the project's version as the base's tag, the same non-root user. Nothing else builds images.
 */
class ImagesTest {

    static final Path REPO = KafkaTest.REPO;

    static Stream<String> services() {
        return Manifests.services().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_manifests_run_the_image_the_build_names(String service) throws Exception {
        Map<String, String> build = rootProperties();
        String image = build.get("quarkus.container-image.registry") + "/" + build.get("quarkus.container-image.group")
                + "/" + applicationName(service);

        JsonNode entry = imagesOfTheBase().get("kontor/" + service);
        assertThat(entry)
                .as("images: entry kontor/%s in base/kustomization.yaml", service)
                .isNotNull();
        assertThat(entry.path("newName").asText()).isEqualTo(image);
        assertThat(entry.path("newTag").asText()).isEqualTo(projectVersion());

        for (String overlay : new String[] {"dev", "prod"}) {
            Deployment deployment = Manifests.overlay(overlay).all(Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(service))
                    .findFirst()
                    .orElseThrow();
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getContainers().get(0).getImage()).isEqualTo(image + ":" + projectVersion());
            assertThat(String.valueOf(pod.getSecurityContext().getRunAsUser()))
                    .as("the pod runs as the image's user")
                    .isEqualTo(build.get("quarkus.jib.user"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void every_service_gets_jib_through_the_platform_and_has_no_dockerfile_of_its_own(String service)
            throws IOException {
        Path module = REPO.resolve(service);
        String pom = Files.readString(module.resolve("pom.xml"));

        assertThat(pom)
                .containsAnyOf(
                        "<artifactId>kontor-platform</artifactId>", "<artifactId>kontor-platform-core</artifactId>");
        assertThat(module.resolve("src/main/docker")).doesNotExist();
    }

    @Test
    void jib_comes_with_the_platform_and_builds_only_in_the_images_profile() throws Exception {
        assertThat(Files.readString(REPO.resolve("platform/core/pom.xml")))
                .contains("<artifactId>quarkus-container-image-jib</artifactId>");
        Map<String, String> build = rootProperties();
        // The default build (and CI, offline) never pulls a base image or pushes.
        assertThat(build).doesNotContainKeys("quarkus.container-image.build", "quarkus.container-image.push");
        assertThat(build.get("quarkus.jib.base-jvm-image")).matches("[a-z0-9./-]+/openjdk-17-runtime:[0-9.]+");

        Map<String, String> images = profileProperties("images");
        assertThat(images)
                .containsEntry("quarkus.container-image.build", "true")
                .containsEntry("quarkus.container-image.tag", "${project.version}-${kontor.git.commit}");
    }

    // --- the root pom, read as XML (the build's one place for image names)

    private static Document rootPom() throws Exception {
        try (InputStream in = Files.newInputStream(REPO.resolve("pom.xml"))) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    static Map<String, String> rootProperties() throws Exception {
        Element project = rootPom().getDocumentElement();
        return children(child(project, "properties"));
    }

    private static Map<String, String> profileProperties(String id) throws Exception {
        Element profiles = child(rootPom().getDocumentElement(), "profiles");
        for (Node node = profiles.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element profile
                    && child(profile, "id").getTextContent().equals(id)) {
                return children(child(profile, "properties"));
            }
        }
        throw new AssertionError("no profile " + id);
    }

    private static String projectVersion() throws Exception {
        return child(rootPom().getDocumentElement(), "version").getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static Map<String, String> children(Element parent) {
        Map<String, String> values = new HashMap<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                values.put(element.getTagName(), element.getTextContent().trim());
            }
        }
        return values;
    }

    private static Map<String, JsonNode> imagesOfTheBase() {
        Map<String, JsonNode> byName = new HashMap<>();
        Kustomize.readAll(Manifests.ROOT.resolve("base/kustomization.yaml"))
                .get(0)
                .path("images")
                .forEach(image -> byName.put(image.path("name").asText(), image));
        return byName;
    }

    /** Quarkus names the image after quarkus.application.name. */
    private static String applicationName(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                Files.newInputStream(REPO.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("quarkus.application.name");
    }
}
