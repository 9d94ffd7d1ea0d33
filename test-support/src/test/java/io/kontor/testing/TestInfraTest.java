package io.kontor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestInfraTest {

    @Test
    void the_test_resource_hands_quarkus_a_broker_and_a_database_of_its_own() throws Exception {
        Map<String, String> config = new KontorTestResources().start();

        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", TestInfra.bootstrapServers())
                .containsEntry("kafka.security.protocol", "SASL_PLAINTEXT")
                .containsEntry("kafka.sasl.jaas.config", TestInfra.kafka().jaasConfig("test-support"))
                .containsEntry("quarkus.datasource.jdbc.url", TestInfra.jdbcUrl())
                .containsKeys("quarkus.datasource.username", "quarkus.datasource.password");
        assertThat(TestInfra.kafka().isRunning()).isTrue();
        try (Connection connection = DriverManager.getConnection(
                        config.get("quarkus.datasource.jdbc.url"),
                        config.get("quarkus.datasource.username"),
                        config.get("quarkus.datasource.password"));
                ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
            result.next();
            assertThat(result.getString(1)).startsWith("test_test_support_");
        }
    }

    @Test
    void starting_the_resource_again_reuses_the_running_infrastructure() {
        Map<String, String> first = new KontorTestResources().start();
        Map<String, String> second = new KontorTestResources().start();

        assertThat(second).isEqualTo(first);
    }
}
