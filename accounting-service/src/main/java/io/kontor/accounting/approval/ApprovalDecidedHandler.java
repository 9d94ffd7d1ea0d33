package io.kontor.accounting.approval;

import io.kontor.accounting.invoice.Invoicing;
import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.platform.inbox.InboxHandled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** The second person's decision: an approved cancellation is done now (credit note), a rejected one dropped. */
@ApplicationScoped
public class ApprovalDecidedHandler {

    private static final Logger LOG = Logger.getLogger(ApprovalDecidedHandler.class);

    private static final EventRoutes<ApprovalDecidedHandler> ROUTES =
            EventRoutes.of(ApprovalDecidedHandler.class).on(ApprovalDecided.class, ApprovalDecidedHandler::decided);

    @Inject
    Invoicing invoicing;

    @Incoming("process-approvals")
    @Blocking
    @InboxHandled
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void decided(ApprovalDecided decided, EventMeta meta) {
        if (!CancellationApprovals.ACT.equals(decided.act())) {
            return;
        }
        CancellationApproval approval = CancellationApproval.findById(decided.approvalId());
        if (approval == null || !CancellationApproval.PENDING.equals(approval.status)) {
            LOG.infof("decision on approval %s ignored: not pending here", decided.approvalId());
            return;
        }
        approval.decidedBy = decided.decidedBy();
        approval.decidedAt = decided.decidedAt();
        if (ApprovalDecided.APPROVED.equals(decided.decision())) {
            invoicing.cancel(approval.invoiceId, approval.reason);
            approval.status = CancellationApproval.APPROVED;
        } else {
            approval.status = CancellationApproval.REJECTED;
        }
    }
}
