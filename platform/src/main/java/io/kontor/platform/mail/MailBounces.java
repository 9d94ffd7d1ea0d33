package io.kontor.platform.mail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the bounce mailbox ({@code kontor.mail.bounces.*}) over IMAP and records what the delivery status notifications
 * in it report: a mail that a recipient's server gave up on ("Action: failed") becomes BOUNCED with the status code and
 * diagnostic, and {@link MailBounced} is fired in the same transaction. A handled message is marked seen and left in
 * the mailbox as the evidence; one that cannot be recorded now (database down) stays unseen and is read again at the
 * next poll. Replicas may read the same message; the record changes once. Every service reads the one bounce mailbox
 * and takes only the reports on its own Message-IDs ({@code <id@service.kontor>}); the rest stays unseen for the
 * service it belongs to, and what belongs to no Kontor service is marked seen by the first reader.
 *
 * <p>A forged notification can only mark a mail as not delivered, never as delivered: the conservative direction for
 * proof of receipt (docs/DECISIONS.md, "Bounces").
 */
@ApplicationScoped
public class MailBounces {

    private static final Logger LOG = Logger.getLogger(MailBounces.class);
    private static final String NAME = "bounce mailbox";

    @Inject
    MailConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Event<MailBounced> bounced;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @Scheduled(
            every = "${kontor.mail.bounces.poll-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        ImapMailbox.poll(NAME, config.bounces(), message -> handle(message).after());
    }

    /** Reads the unseen messages of the bounce mailbox; returns how many deliveries became BOUNCED. */
    public int readBounces() {
        if (config.bounces().imapHost().isEmpty()) {
            throw new IllegalStateException("kontor.mail.bounces.imap-host (KONTOR_BOUNCE_IMAP_HOST) is not set");
        }
        int[] recorded = {0};
        ImapMailbox.readUnseen(NAME, config.bounces(), message -> {
            Handled handled = handle(message);
            if (handled.recorded()) {
                recorded[0]++;
            }
            return handled.after();
        });
        return recorded[0];
    }

    private record Handled(ImapMailbox.After after, boolean recorded) {}

    private Handled handle(Message message) throws MessagingException {
        Optional<DeliveryReport> report;
        try {
            report = DeliveryReport.of(message);
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            LOG.warnf(
                    "A message in the bounce mailbox could not be read as a delivery report; left as it is: %s",
                    unreadable.toString());
            return new Handled(ImapMailbox.After.SEEN, false);
        }
        String original = report.map(DeliveryReport::originalMessageId).orElse(null);
        if (original != null && original.endsWith(".kontor>") && !original.endsWith("@" + serviceName + ".kontor>")) {
            // All services share the bounce address; the service whose Message-ID it is records it.
            return new Handled(ImapMailbox.After.UNSEEN, false);
        }
        boolean recorded = false;
        if (original != null && report.get().firstFailure().isPresent()) {
            recorded = record(report.get(), report.get().firstFailure().get());
        } else {
            // Delays ("Action: delayed"), successes, auto-replies: nothing about a mail that did not arrive.
            LOG.debugf("Message in the bounce mailbox without a failed delivery: %s", message.getSubject());
        }
        // Only after the record is committed: a failure above leaves it unseen for the next poll.
        return new Handled(ImapMailbox.After.SEEN, recorded);
    }

    private boolean record(DeliveryReport report, DeliveryReport.Recipient failure) {
        Instant now = Instant.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement update = connection.prepareStatement(
                            "update mail_delivery set status = 'BOUNCED', bounced_at = ?, bounce_status = ?,"
                                    + " bounce_diagnostic = ?, bounce_reported_by = ?"
                                    + " where message_id = ? and status in ('SENT', 'SENDING')"
                                    + " returning id, document_type, document_id")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, limit(failure.status(), 16));
                update.setString(3, failure.diagnostic());
                update.setString(4, limit(report.reportingMta(), 255));
                update.setString(5, report.originalMessageId());
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        // Not ours (another system's bounce address), already recorded, or erased.
                        return false;
                    }
                    MailBounced event = new MailBounced(
                            row.getObject(1, UUID.class),
                            row.getString(2),
                            row.getString(3),
                            failure.status(),
                            failure.diagnostic(),
                            now);
                    LOG.infof(
                            "Mail %s (%s %s) bounced: %s",
                            report.originalMessageId(), event.documentType(), event.documentId(), failure.status());
                    bounced.fire(event);
                    return true;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not record the bounce of " + report.originalMessageId(), e);
            }
        });
    }

    private static String limit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
