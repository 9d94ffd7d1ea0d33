package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Production backs PostgreSQL up to object storage, and the README says how to restore it. */
class BackupsComponentTest {

    @Test
    void prod_archives_the_wal_to_the_object_store_and_backs_up_daily() {
        Manifests prod = Manifests.overlay("prod");
        Cnpg.Cluster cluster = prod.one(Cnpg.Cluster.class);
        Cnpg.ObjectStore store = prod.one(Cnpg.ObjectStore.class);
        Cnpg.ScheduledBackup backup = prod.one(Cnpg.ScheduledBackup.class);

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
        assertThat(store.spec().retentionPolicy()).isEqualTo("30d");
    }

    @Test
    void dev_keeps_no_backups() {
        Manifests dev = Manifests.overlay("dev");

        assertThat(dev.all(Cnpg.ObjectStore.class)).isEmpty();
        assertThat(dev.one(Cnpg.Cluster.class).spec().plugins()).isNull();
    }

    @Test
    void the_readme_names_the_credentials_and_walks_through_a_restore() throws Exception {
        Cnpg.ObjectStore store = Manifests.overlay("prod").one(Cnpg.ObjectStore.class);
        String readme = Files.readString(Manifests.ROOT.resolve("../README.md"));

        assertThat(readme)
                .contains(store.spec()
                        .configuration()
                        .s3Credentials()
                        .accessKeyId()
                        .name())
                .contains("## 10. Backups and the restore drill")
                .contains("externalClusters")
                .contains("recoveryTarget");
    }
}
