package io.kontor.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * The part of CloudNativePG's API (postgresql.cnpg.io/v1, CRDs of CloudNativePG 1.25+) these manifests use, as typed
 * records: a field the records do not know fails the parsing, as the API server's structural schema would reject it.
 * Field names follow config/crd/bases/postgresql.cnpg.io_clusters.yaml and _databases.yaml.
 */
final class Cnpg {

    private Cnpg() {}

    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {}

    record ClusterSpec(
            Integer instances,
            String imageName,
            Boolean enableSuperuserAccess,
            String primaryUpdateStrategy,
            Storage storage,
            ResourceRequirements resources,
            PostgresConfiguration postgresql,
            Managed managed,
            Monitoring monitoring,
            Affinity affinity,
            Bootstrap bootstrap,
            List<Plugin> plugins) {}

    record Storage(String size, String storageClass) {}

    record PostgresConfiguration(Map<String, String> parameters) {}

    record Managed(List<Role> roles) {}

    record Role(
            String name,
            String ensure,
            Boolean login,
            LocalObjectReference passwordSecret,
            String comment,
            List<String> inRoles) {}

    record LocalObjectReference(String name) {}

    record Monitoring(Boolean enablePodMonitor) {}

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, String podAntiAffinityType) {}

    record Bootstrap(InitDb initdb) {}

    record InitDb(String database, String owner, LocalObjectReference secret, List<String> postInitSQL) {}

    /** The Barman Cloud plugin for backups (CloudNativePG 1.26+), components/postgres-backups. */
    record Plugin(String name, Boolean isWALArchiver, Map<String, String> parameters) {}

    record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {}

    record DatabaseSpec(
            LocalObjectReference cluster,
            String name,
            String owner,
            String ensure,
            @JsonProperty("databaseReclaimPolicy") String databaseReclaimPolicy) {}

    record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {}

    record ScheduledBackupSpec(
            String schedule,
            String backupOwnerReference,
            LocalObjectReference cluster,
            String method,
            PluginConfiguration pluginConfiguration,
            Boolean immediate) {}

    record PluginConfiguration(String name) {}

    /** The Barman Cloud plugin's object store (barmancloud.cnpg.io/v1). */
    record ObjectStore(String apiVersion, String kind, ObjectMeta metadata, ObjectStoreSpec spec) {}

    record ObjectStoreSpec(BarmanConfiguration configuration, String retentionPolicy) {}

    record BarmanConfiguration(
            String destinationPath,
            String endpointURL,
            S3Credentials s3Credentials,
            Compression wal,
            Compression data) {}

    record S3Credentials(SecretKeySelector accessKeyId, SecretKeySelector secretAccessKey) {}

    record SecretKeySelector(String name, String key) {}

    record Compression(String compression) {}
}
