package io.kontor.platform.mail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers stored mail through Quarkus Mailer (SMTP), due rows first, and keeps the delivery record.
 *
 * <p>Each try is three steps, each in its own short transaction: claim the row ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas never hand the same message to SMTP at once) and mark it SENDING with the time it is handed over; send it;
 * record the answer (SENT with the server's acceptance, or back to PENDING with an exponential backoff, or FAILED after
 * {@code kontor.mail.max-attempts}). A sender that dies after the server accepted the message and before step three
 * leaves the row SENDING. After {@code kontor.mail.sending-lease} such a row is sent again, with the Message-ID made
 * when the mail was requested, and counted in {@code in_doubt_resends}: nothing is lost, and if the first copy did
 * arrive the recipient holds two messages with one Message-ID, which mail programs and our record show as one mail sent
 * twice, never as two different mails (docs/DECISIONS.md, "Outgoing mail").
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Mailer mailer;

    @Inject
    MailConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    // Test hook: runs after the SMTP server accepted a message and before the sender records it.
    private volatile Runnable afterAcceptance = () -> {};

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;

    void start(@Observes StartupEvent startup) {
        if (!config.senderEnabled()) {
            LOG.info("Mail sender is disabled (kontor.mail.sender-enabled=false)");
            return;
        }
        running = true;
        worker = new Thread(this::run, "mail-sender");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        Thread current = worker;
        if (current != null) {
            wakeUp();
            current.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** For tests: {@code hook} runs after each SMTP acceptance, before it is recorded. */
    void afterAcceptance(Runnable hook) {
        afterAcceptance = hook;
    }

    void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                while (running && sendDue() > 0) {
                    // more may be due
                }
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "Mail sender round failed; trying again");
                sleepQuietly(config.pollInterval());
            }
        }
    }

    /** One round: messages left SENDING past the lease go back to due, then up to a batch is sent. */
    public int sendDue() {
        releaseLeftBehind();
        List<UUID> claimed = claim();
        for (UUID id : claimed) {
            deliver(id);
        }
        return claimed.size();
    }

    private void releaseLeftBehind() {
        Instant now = Instant.now(clock);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("update mail_delivery set status = 'PENDING', next_attempt_at = ?,"
                                + " in_doubt_resends = in_doubt_resends + 1, last_error = 'left SENDING since '"
                                + " || handed_to_smtp_at || ' by a sender that stopped before recording the"
                                + " answer; sent again with the same Message-ID'"
                                + " where status = 'SENDING' and handed_to_smtp_at < ? returning message_id")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now.minus(config.sendingLease())));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    LOG.warnf("Mail %s was left SENDING; it is sent again with the same Message-ID", rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not release mail left SENDING", e);
        }
    }

    private List<UUID> claim() {
        Instant now = Instant.now(clock);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "update mail_delivery set status = 'SENDING', attempts = attempts + 1, handed_to_smtp_at = ?,"
                            + " next_attempt_at = null where id in (select id from mail_delivery where status ="
                            + " 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ? for update skip"
                            + " locked) returning id, created_at")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setTimestamp(2, Timestamp.from(now));
                update.setInt(3, config.batchSize());
                // RETURNING keeps no order: oldest request first, as they were made.
                java.util.TreeMap<Instant, List<UUID>> ids = new java.util.TreeMap<>();
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        ids.computeIfAbsent(rows.getTimestamp(2).toInstant(), at -> new ArrayList<>())
                                .add(rows.getObject(1, UUID.class));
                    }
                }
                connection.commit();
                return ids.values().stream().flatMap(List::stream).toList();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim due mail", e);
        }
    }

    private void deliver(UUID id) {
        Mail mail;
        int attempts;
        int maxAttempts;
        String messageId;
        String recipient;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select message_id, recipient, subject, body_text, attempts, max_attempts"
                                + " from mail_delivery where id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                messageId = row.getString(1);
                recipient = row.getString(2);
                mail = Mail.withText(recipient, row.getString(3), row.getString(4));
                attempts = row.getInt(5);
                maxAttempts = row.getInt(6);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read mail " + id, e);
        }
        mail.setFrom(from);
        mail.addHeader("Message-ID", messageId);
        for (MailAttachment attachment : MailRows.attachmentsWithContent(dataSource, id)) {
            mail.addAttachment(attachment.fileName(), attachment.content(), attachment.contentType());
        }
        try {
            mailer.send(mail);
        } catch (RuntimeException refused) {
            recordFailure(id, attempts, maxAttempts, describe(refused));
            return;
        }
        // A SimulatedCrash ends the round here, as a dying process would: this row and the rest of the batch stay
        // SENDING.
        afterAcceptance.run();
        // Without the address: it is in the record anyway, and an erasure (GDPR) must not race a late answer.
        recordAcceptance(id, "250 accepted by " + mailerAddress());
    }

    private String mailerAddress() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return config.getOptionalValue("quarkus.mailer.host", String.class).orElse("localhost") + ":"
                + config.getOptionalValue("quarkus.mailer.port", String.class).orElse("25");
    }

    private void recordAcceptance(UUID id, String response) {
        update(
                "update mail_delivery set status = 'SENT', accepted_at = ?, server_response = ? where id = ?",
                Timestamp.from(Instant.now(clock)),
                response,
                id);
    }

    private void recordFailure(UUID id, int attempts, int maxAttempts, String reason) {
        if (attempts >= maxAttempts) {
            LOG.warnf("Mail %s failed for good after %d tries: %s", id, attempts, reason);
            update(
                    "update mail_delivery set status = 'FAILED', last_error = ?, server_response = ? where id = ?",
                    reason,
                    reason,
                    id);
            return;
        }
        Instant next = Instant.now(clock).plus(backoff(attempts));
        LOG.infof("Mail %s not accepted (try %d of %d), again at %s: %s", id, attempts, maxAttempts, next, reason);
        update(
                "update mail_delivery set status = 'PENDING', next_attempt_at = ?, last_error = ?, server_response = ?"
                        + " where id = ?",
                Timestamp.from(next),
                reason,
                reason,
                id);
    }

    /** first-backoff after the first failed try, doubled after each further one, at most max-backoff. */
    Duration backoff(int failedTries) {
        Duration wait = config.firstBackoff();
        for (int i = 1; i < failedTries && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    // The SMTP reply (e.g. "550 5.1.1 mailbox unavailable") is in the cause chain of the mailer's exception.
    private static String describe(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && reason.indexOf(message) < 0) {
                if (!reason.isEmpty()) {
                    reason.append(": ");
                }
                reason.append(message);
            }
        }
        return reason.isEmpty() ? failure.getClass().getSimpleName() : reason.toString();
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the mail's delivery", e);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown by a test's {@link #afterAcceptance} hook: the sender stops as if its process had died there. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash after SMTP acceptance", null, false, false);
        }
    }
}
