package io.kontor.accounting.approval;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceCancelling;
import io.kontor.platform.approval.ApprovalRequest;
import io.kontor.platform.approval.Approvals;
import io.kontor.platform.approval.ApprovedAct;
import io.kontor.platform.approval.PendingAct;
import io.kontor.platform.events.process.ApprovalDecided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Four eyes for cancelling large invoices (issue #20): a cancellation whose gross total is above
 * {@code kontor.approvals.invoice-cancellation.above} is not done at once but waits, PENDING_APPROVAL, until a second
 * person approves it in process-service's task inbox (the platform's {@link Approvals}). A credit note reverses revenue
 * and VAT (§17 UStG); an internal control system names such acts for a second person (GoBD Rz. 100 ff.).
 */
@ApplicationScoped
public class CancellationApprovals implements ApprovedAct {

    public static final String ACT = "invoice-cancellation";

    @Inject
    Approvals approvals;

    @Inject
    InvoiceCancelling cancelling;

    @Override
    public String act() {
        return ACT;
    }

    public boolean needed(Invoice invoice) {
        return approvals.needed(ACT, invoice.grossTotal);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PendingAct request(Invoice invoice, String reason, String requestedBy) {
        return approvals.request(new ApprovalRequest(
                ACT,
                "invoice",
                invoice.id.toString(),
                invoice.grossTotal,
                invoice.currency,
                "Cancel invoice " + invoice.invoiceNumber + " (" + invoice.grossTotal + " " + invoice.currency + ")"
                        + (reason == null ? "" : ": " + reason),
                "/api/v1/accounting/invoices/" + invoice.id,
                reason,
                requestedBy));
    }

    /** Approved: the cancellation is done now, by credit note, with the reason given when it was asked for. */
    @Override
    public void approved(PendingAct act, ApprovalDecided decision) {
        cancelling.cancel(UUID.fromString(act.subjectId()), act.parameters());
    }

    /** Rejected: the invoice stays as it is. */
    @Override
    public void rejected(PendingAct act, ApprovalDecided decision) {}
}
