package io.kontor.platform.housekeeping;

import io.agroal.api.AgroalDataSource;
import io.kontor.platform.inbox.InboxConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the platform's bookkeeping tables small. An inbox row only has to outlive every redelivery of its event, and
 * Kafka keeps records for 7 days by default, so the inbox retention (100 days, longer than the 90 days of the
 * dead-letter topics) leaves ample margin; an idempotency key is only honoured within its retention (24 h) anyway.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    InboxConfig inboxConfig;

    @ConfigProperty(name = "kontor.idempotency.retention")
    Duration idempotencyRetention;

    @Scheduled(
            every = "${kontor.housekeeping.every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() throws SQLException {
        int inbox = deleteOlderThan("delete from inbox where processed_at < ?", inboxConfig.retention());
        int keys = deleteOlderThan("delete from idempotency_key where created_at < ?", idempotencyRetention);
        if (inbox + keys > 0) {
            LOG.infof("Housekeeping removed %d inbox rows and %d idempotency keys", inbox, keys);
        }
    }

    int deleteOlderThan(String sql, Duration retention) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(Instant.now(clock).minus(retention)));
            return delete.executeUpdate();
        }
    }
}
