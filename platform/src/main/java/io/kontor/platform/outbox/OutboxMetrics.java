package io.kontor.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * How late the outbox is, for the alert that an event waits longer than a minute (deploy/README.md, "Alerts"): the
 * backlog alone does not tell a busy relay from a stuck one, the age of the oldest row does. 0 when the outbox is
 * empty; NaN when the database cannot be asked (the scrape then shows no value instead of a wrong one).
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Inject
    Clock clock;

    void register(@Observes StartupEvent startup) {
        Gauge.builder("kontor.outbox.oldest.age", this, OutboxMetrics::oldestAgeSecondsOrNaN)
                .description("Age of the oldest outbox row not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(meters);
    }

    /** Age of the oldest row, zero for an empty outbox. */
    public Duration oldestAge() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement oldest = connection.prepareStatement("select min(created_at) from outbox");
                ResultSet result = oldest.executeQuery()) {
            result.next();
            Timestamp createdAt = result.getTimestamp(1);
            if (createdAt == null) {
                return Duration.ZERO;
            }
            Duration age = Duration.between(createdAt.toInstant(), clock.instant());
            return age.isNegative() ? Duration.ZERO : age;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the age of the outbox", e);
        }
    }

    private double oldestAgeSecondsOrNaN() {
        try {
            return oldestAge().toMillis() / 1000.0;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
