package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One database and one owner per service, the service logging in as that owner with the operator's Secret. */
class PostgresTest {

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void each_service_database_has_its_own_owner_role_with_a_password_secret(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Cnpg.Cluster cluster = manifests.one(Cnpg.Cluster.class);
        Map<String, Cnpg.Role> roles =
                cluster.spec().managed().roles().stream().collect(Collectors.toMap(Cnpg.Role::name, role -> role));

        assertThat(manifests.all(Cnpg.Database.class))
                .extracting(d -> d.spec().name())
                .containsExactlyInAnyOrder("sales", "accounting", "hr", "projects", "productdev", "legal", "process");
        assertThat(manifests.all(Cnpg.Database.class)).allSatisfy(database -> {
            assertThat(database.spec().cluster().name())
                    .isEqualTo(cluster.metadata().getName());
            assertThat(database.spec().owner()).isEqualTo(database.spec().name());
            assertThat(database.spec().databaseReclaimPolicy()).isEqualTo("retain");
            Cnpg.Role owner = roles.get(database.spec().owner());
            assertThat(owner.login()).isTrue();
            assertThat(owner.passwordSecret().name())
                    .isEqualTo("kontor-db-" + database.spec().name());
        });
        assertThat(cluster.spec().enableSuperuserAccess()).isFalse();
    }

    @ParameterizedTest(name = "{0} uses database {1}")
    @CsvSource({
        "sales-backoffice-service, sales",
        "accounting-service, accounting",
        "hr-service, hr",
        "project-office-service, projects",
        "product-development-service, productdev",
        "legal-service, legal",
        "process-service, process"
    })
    void a_service_connects_to_its_own_database_as_its_owner(String service, String database) {
        Manifests prod = Manifests.overlay("prod");
        Deployment deployment = prod.all(Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(service))
                .findFirst()
                .orElseThrow();
        ConfigMap config = prod.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(service))
                .findFirst()
                .orElseThrow();
        Map<String, EnvVar> env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));

        assertThat(config.getData())
                .containsEntry(
                        "KONTOR_DB_URL",
                        "jdbc:postgresql://"
                                + prod.one(Cnpg.Cluster.class).metadata().getName() + "-rw:5432/" + database
                                + "?sslmode=verify-full&sslrootcert=/etc/kontor/postgres-ca/ca.crt");
        assertThat(env.get("KONTOR_DB_USER").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("kontor-db-" + database);
        assertThat(env.get("KONTOR_DB_USER").getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo("username");
        assertThat(env.get("KONTOR_DB_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo("kontor-db-" + database);
        assertThat(env.get("KONTOR_DB_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getKey())
                .isEqualTo("password");
    }

    /**
     * Every replica the HorizontalPodAutoscalers may start (one more per service while a rollout surges), each with its
     * full pool, must find a connection: otherwise the last replicas to start fail their readiness exactly when load is
     * highest (issue #24). CloudNativePG keeps a few connections for itself and replication.
     */
    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void max_connections_hold_every_replica_with_its_full_pool(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        int maxConnections = Integer.parseInt(manifests
                .one(Cnpg.Cluster.class)
                .spec()
                .postgresql()
                .parameters()
                .get("max_connections"));
        ConfigMap platform = manifests.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("kontor-platform"))
                .findFirst()
                .orElseThrow();
        int pool = Integer.parseInt(platform.getData().get("KONTOR_DB_POOL_MAX_SIZE"));
        Map<String, Integer> ceilings = manifests.all(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(
                        hpa -> hpa.getSpec().getScaleTargetRef().getName(),
                        hpa -> hpa.getSpec().getMaxReplicas()));

        int needed = RESERVED_CONNECTIONS;
        for (Deployment deployment : manifests.all(Deployment.class)) {
            if (!"service"
                    .equals(deployment
                            .getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getLabels()
                            .get("app.kubernetes.io/component"))) {
                continue; // the gateway has no database
            }
            int replicas = ceilings.getOrDefault(
                    deployment.getMetadata().getName(), deployment.getSpec().getReplicas());
            int surge = deployment
                    .getSpec()
                    .getStrategy()
                    .getRollingUpdate()
                    .getMaxSurge()
                    .getIntVal();
            needed += (replicas + surge) * pool;
        }

        assertThat(needed)
                .as(
                        "connections of all replicas at the HPA maximum plus surge, pool %d, plus %d reserved",
                        pool, RESERVED_CONNECTIONS)
                .isLessThanOrEqualTo(maxConnections);
    }

    /** superuser_reserved_connections (3), the streaming replicas and CloudNativePG's instance manager. */
    private static final int RESERVED_CONNECTIONS = 10;

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void public_may_not_connect_to_the_bootstrap_database(String overlay) {
        Cnpg.Cluster cluster = Manifests.overlay(overlay).one(Cnpg.Cluster.class);

        assertThat(cluster.spec().bootstrap().initdb().postInitSQL())
                .contains("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC");
    }
}
