package io.kontor.platform.approval;

import io.agroal.api.AgroalDataSource;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * Four eyes, once for every service (issue #20): the policy of an act ({@link ApprovalPolicy}), the pending act kept in
 * the service's own {@code approval} table and the request published through the outbox in the same transaction
 * ({@code kontor.approvals.approval-requested.v1} on {@code approvals.requests}). process-service makes it a task and
 * refuses the requester as approver (409); the decision comes back to {@link ApprovalDecisionHandler}. An internal
 * control system names such acts for a second person (GoBD Rz. 100 ff.).
 */
@ApplicationScoped
public class Approvals {

    private static final String COLUMNS = "select id, act, subject_type, subject_id, amount, currency, summary,"
            + " parameters, role, requested_by, requested_at, status, decided_by, decided_at, comment from approval ";

    @Inject
    Config config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    public ApprovalPolicy policy(String act) {
        return ApprovalPolicy.of(config, act);
    }

    /** Whether this act, of this measure (null for acts without one), needs a second person. */
    public boolean needed(String act, BigDecimal measure) {
        return policy(act).needed(measure);
    }

    /**
     * Keeps the act PENDING_APPROVAL and asks for approval, in the caller's transaction: both happen or neither. A
     * second request for the same act and subject while one waits is a 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PendingAct request(ApprovalRequest request) {
        ApprovalPolicy policy = policy(request.act());
        if (policy.role() == null) {
            throw new IllegalStateException(
                    "no approval policy for " + request.act() + ": set kontor.approvals." + request.act() + ".role");
        }
        if (pending(request.act(), request.subjectId()).isPresent()) {
            throw new ConflictProblem(request.subjectType() + " " + request.subjectId()
                    + " already waits for approval (" + request.act() + ")");
        }
        PendingAct act = new PendingAct(
                UUID.randomUUID(),
                request.act(),
                request.subjectType(),
                request.subjectId(),
                request.amount(),
                request.currency(),
                request.summary(),
                request.parameters(),
                policy.role(),
                request.requestedBy(),
                calendar.now(),
                PendingAct.PENDING,
                null,
                null,
                null);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into approval (id, act, subject_type,"
                        + " subject_id, amount, currency, summary, parameters, role, requested_by, requested_at,"
                        + " status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, act.id());
            insert.setString(2, act.act());
            insert.setString(3, act.subjectType());
            insert.setString(4, act.subjectId());
            insert.setBigDecimal(5, act.amount());
            insert.setString(6, act.currency());
            insert.setString(7, act.summary());
            insert.setString(8, act.parameters());
            insert.setString(9, act.role());
            insert.setString(10, act.requestedBy());
            insert.setTimestamp(11, Timestamp.from(act.requestedAt()));
            insert.setString(12, act.status());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the act waiting for approval", e);
        }
        outbox.publish(new ApprovalRequested(
                act.id(),
                act.act(),
                act.subjectType(),
                act.subjectId(),
                act.amount(),
                act.currency(),
                act.summary(),
                request.link(),
                act.role(),
                act.requestedBy(),
                act.requestedAt()));
        return act;
    }

    /** The act waiting for approval on this subject, if one does. */
    public Optional<PendingAct> pending(String act, String subjectId) {
        return query("where act = ? and subject_id = ? and status = ?", act, subjectId, PendingAct.PENDING).stream()
                .findFirst();
    }

    public Optional<PendingAct> find(UUID id) {
        return query("where id = ?", id).stream().findFirst();
    }

    /** Every approval asked for this subject, oldest first: what was approved or rejected, by whom. */
    public List<PendingAct> of(String act, String subjectId) {
        return query("where act = ? and subject_id = ? order by requested_at, id", act, subjectId);
    }

    /** Records the decision on a pending act; false when it is not pending (already decided, or not held here). */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean decide(UUID id, String status, String decidedBy, Instant decidedAt, String comment) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update approval set status = ?, decided_by = ?,"
                        + " decided_at = ?, comment = ? where id = ? and status = ?")) {
            update.setString(1, status);
            update.setString(2, decidedBy);
            update.setTimestamp(3, decidedAt == null ? null : Timestamp.from(decidedAt));
            update.setString(4, comment);
            update.setObject(5, id);
            update.setString(6, PendingAct.PENDING);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the decision on approval " + id, e);
        }
    }

    private List<PendingAct> query(String where, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(COLUMNS + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<PendingAct> acts = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    acts.add(new PendingAct(
                            row.getObject(1, UUID.class),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getBigDecimal(5),
                            row.getString(6),
                            row.getString(7),
                            row.getString(8),
                            row.getString(9),
                            row.getString(10),
                            instant(row.getTimestamp(11)),
                            row.getString(12),
                            row.getString(13),
                            instant(row.getTimestamp(14)),
                            row.getString(15)));
                }
            }
            return acts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read approvals", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
