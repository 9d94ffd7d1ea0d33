package io.kontor.legal.privacy;

import io.kontor.platform.approval.ApprovalRequest;
import io.kontor.platform.approval.Approvals;
import io.kontor.platform.approval.ApprovedAct;
import io.kontor.platform.approval.PendingAct;
import io.kontor.platform.events.process.ApprovalDecided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Four eyes on answering a data-subject request (issue #20): the answer a clerk gives waits PENDING_APPROVAL for a
 * second person of legal (the platform's {@link Approvals}); approved the request is ANSWERED with it, rejected it is
 * OPEN again, its deadline still running. A wrong or incomplete answer to the person is itself a breach of Art. 12 and
 * 15 GDPR, and the controller must be able to show how it answered (Art. 5 (2), accountability).
 */
@ApplicationScoped
public class PrivacyAnswerApproval implements ApprovedAct {

    public static final String ACT = "privacy-answer";

    private static final Logger LOG = Logger.getLogger(PrivacyAnswerApproval.class);

    @Inject
    Approvals approvals;

    @Override
    public String act() {
        return ACT;
    }

    boolean needed() {
        return approvals.needed(ACT, null);
    }

    /** Keeps the drafted answer and holds the request PENDING_APPROVAL, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void request(DataSubjectRequest request, String answer, String requestedBy) {
        request.status = DataSubjectRequest.Status.PENDING_APPROVAL;
        request.answer = answer;
        approvals.request(new ApprovalRequest(
                ACT,
                "data-subject-request",
                request.id.toString(),
                null,
                null,
                "Answer the " + request.kind + " request received on " + request.receivedOn + " (due "
                        + request.deadline + ")",
                "/api/v1/legal/privacy/requests/" + request.id,
                null,
                requestedBy));
    }

    @Override
    public void approved(PendingAct act, ApprovalDecided decision) {
        DataSubjectRequest request = pending(act);
        if (request != null) {
            request.status = DataSubjectRequest.Status.ANSWERED;
            request.answeredBy = act.requestedBy();
            request.answeredAt = decision.decidedAt();
        }
    }

    @Override
    public void rejected(PendingAct act, ApprovalDecided decision) {
        DataSubjectRequest request = pending(act);
        if (request != null) {
            request.status = DataSubjectRequest.Status.OPEN;
            request.answer = null;
        }
    }

    private static DataSubjectRequest pending(PendingAct act) {
        DataSubjectRequest request =
                DataSubjectRequest.findById(UUID.fromString(act.subjectId()), LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.status != DataSubjectRequest.Status.PENDING_APPROVAL) {
            LOG.infof(
                    "decision on the answer to request %s ignored: it is %s",
                    act.subjectId(), request == null ? "unknown" : request.status);
            return null;
        }
        return request;
    }
}
