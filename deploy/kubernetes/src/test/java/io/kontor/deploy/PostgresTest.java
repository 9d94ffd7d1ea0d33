package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
                .containsExactlyInAnyOrder("sales", "accounting", "hr", "projects", "productdev");
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
        "product-development-service, productdev"
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
                                + prod.one(Cnpg.Cluster.class).metadata().getName() + "-rw:5432/" + database);
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
}
