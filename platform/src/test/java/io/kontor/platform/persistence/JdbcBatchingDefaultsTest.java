package io.kontor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import org.hibernate.boot.spi.SessionFactoryOptions;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;

/**
 * The platform's JDBC batching defaults (#23) reach Hibernate and the PostgreSQL driver of a service that sets nothing
 * itself: without them every insert and update of a batch job is its own round trip.
 */
@QuarkusTest
class JdbcBatchingDefaultsTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void hibernate_batches_statements_and_orders_inserts_and_updates() {
        SessionFactoryOptions options =
                entityManagerFactory.unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions();
        assertThat(options.getJdbcBatchSize()).isEqualTo(50);
        assertThat(options.isOrderInsertsEnabled()).isTrue();
        assertThat(options.isOrderUpdatesEnabled()).isTrue();
    }

    @Test
    void the_driver_rewrites_batched_inserts_into_multi_row_inserts() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection
                            .unwrap(BaseConnection.class)
                            .getQueryExecutor()
                            .isReWriteBatchedInsertsEnabled())
                    .isTrue();
        }
    }
}
