package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composer follows Kustomize where these manifests rely on it, and refuses what it does not implement. */
class KustomizeTest {

    @TempDir
    Path dir;

    @Test
    void a_patch_merges_containers_by_name_and_replaces_other_lists() throws IOException {
        write(
                "base/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n");
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - {name: app, image: app:1, args: [a, b]}
                        - {name: sidecar, image: side:1}
                """);
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: shop
                resources: [../base]
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - {name: app, args: [c]}
                """);

        ObjectNode app = Kustomize.render(dir.resolve("overlay")).get(0);

        assertThat(app.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(app.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("app:1");
        assertThat(app.at("/spec/template/spec/containers/0/args").toString()).isEqualTo("[\"c\"]");
        assertThat(app.at("/spec/template/spec/containers/1/name").asText()).isEqualTo("sidecar");
        assertThat(app.at("/metadata/namespace").asText()).isEqualTo("shop");
    }

    @Test
    void a_patch_with_a_target_applies_to_every_object_of_the_kind_and_custom_resource_lists_are_replaced()
            throws IOException {
        write("k/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [topics.yaml]
                patches:
                  - path: all.yaml
                    target: {kind: KafkaTopic}
                """);
        write("k/topics.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: a}
                spec: {replicas: 1, config: {retention.ms: 1}, list: [{name: x}]}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: b}
                spec: {replicas: 1, list: [{name: x}, {name: y}]}
                """);
        write("k/all.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: ignored}
                spec: {replicas: 3, config: {min.insync.replicas: 2}, list: [{name: z}]}
                """);

        List<ObjectNode> topics = Kustomize.render(dir.resolve("k"));

        assertThat(topics).extracting(t -> t.at("/metadata/name").asText()).containsExactly("a", "b");
        assertThat(topics).allSatisfy(t -> {
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(t.at("/spec/list").toString()).isEqualTo("[{\"name\":\"z\"}]");
        });
        assertThat(topics.get(0).at("/spec/config/retention.ms").asInt()).isEqualTo(1);
    }

    @Test
    void a_null_in_a_patch_removes_the_field_as_a_strategic_merge_does() throws IOException {
        write("n/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [app.yaml]
                patches:
                  - path: no-replicas.yaml
                    target: {kind: Deployment}
                """);
        write("n/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec: {replicas: 1, paused: false}
                """);
        write("n/no-replicas.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: every}
                spec: {replicas: null}
                """);

        ObjectNode app = Kustomize.render(dir.resolve("n")).get(0);

        assertThat(app.at("/spec").has("replicas")).isFalse();
        assertThat(app.at("/spec/paused").asBoolean(true)).isFalse();
    }

    @Test
    void images_get_their_registry_and_tag() throws IOException {
        write("i/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [app.yaml]
                images:
                  - {name: kontor/app, newName: registry.example.com/kontor/app, newTag: 1.2.3}
                """);
        write("i/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec: {template: {spec: {containers: [{name: app, image: kontor/app}]}}}
                """);

        assertThat(Kustomize.render(dir.resolve("i"))
                        .get(0)
                        .at("/spec/template/spec/containers/0/image")
                        .asText())
                .isEqualTo("registry.example.com/kontor/app:1.2.3");
    }

    @Test
    void what_the_composer_does_not_implement_fails_instead_of_being_ignored() throws IOException {
        write("g/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                configMapGenerator:
                  - name: settings
                """);

        assertThatThrownBy(() -> Kustomize.render(dir.resolve("g")))
                .hasMessageContaining("'configMapGenerator' is not supported");
    }

    @Test
    void a_patch_that_matches_nothing_and_an_object_defined_twice_are_errors() throws IOException {
        write("p/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [a.yaml]
                patches: [{path: patch.yaml}]
                """);
        write("p/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        write("p/patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {x: y}\n");
        write(
                "d/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml, a.yaml]\n");
        write("d/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

        assertThatThrownBy(() -> Kustomize.render(dir.resolve("p"))).hasMessageContaining("matches 0 objects");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("d"))).hasMessageContaining("defined twice");
    }

    private void write(String file, String content) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
