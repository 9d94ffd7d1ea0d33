package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional backups component, added to overlays/prod the way an operator would add it. */
class BackupsComponentTest {

    @TempDir
    Path dir;

    @Test
    void the_cluster_archives_its_wal_to_the_object_store_and_backs_up_daily() throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: kontor
                resources: [%s]
                components: [%s]
                """.formatted(
                Manifests.ROOT.resolve("overlays/prod"), Manifests.ROOT.resolve("components/postgres-backups")));

        Manifests withBackups = Manifests.parse("prod + postgres-backups", Kustomize.render(dir));
        Cnpg.Cluster cluster = withBackups.one(Cnpg.Cluster.class);
        Cnpg.ObjectStore store = withBackups.one(Cnpg.ObjectStore.class);
        Cnpg.ScheduledBackup backup = withBackups.one(Cnpg.ScheduledBackup.class);

        assertThat(cluster.spec().instances())
                .as("the component leaves the rest of the cluster alone")
                .isEqualTo(3);
        assertThat(cluster.spec().plugins()).singleElement().satisfies(plugin -> {
            assertThat(plugin.isWALArchiver()).isTrue();
            assertThat(plugin.parameters())
                    .containsEntry("barmanObjectName", store.metadata().getName());
        });
        assertThat(backup.spec().cluster().name()).isEqualTo(cluster.metadata().getName());
        assertThat(backup.spec().pluginConfiguration().name())
                .isEqualTo(cluster.spec().plugins().get(0).name());
        assertThat(backup.spec().schedule().split(" "))
                .as("CloudNativePG schedules have six fields")
                .hasSize(6);
        assertThat(store.metadata().getNamespace()).isEqualTo("kontor");
    }
}
