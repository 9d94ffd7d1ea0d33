package io.kontor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** After the migrations only the owner may connect to a service's database, not PUBLIC (every login role; #24). */
@QuarkusTest
class PublicConnectTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void public_may_not_connect_to_the_service_database() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement query = connection.createStatement();
                ResultSet result =
                        query.executeQuery("select has_database_privilege('public', current_database(), 'CONNECT')")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getBoolean(1)).isFalse();
        }
    }
}
