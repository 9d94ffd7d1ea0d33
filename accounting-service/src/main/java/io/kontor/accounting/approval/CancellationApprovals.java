package io.kontor.accounting.approval;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.events.accounting.ApprovalRequested;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Four eyes for cancelling large invoices (issue #20): a cancellation whose gross total is above
 * {@code kontor.four-eyes.invoice-cancellation-above} is not done at once but waits, PENDING_APPROVAL, until a second
 * person approves it in process-service's task inbox. A credit note reverses revenue and VAT (§17 UStG); an internal
 * control system names such acts for a second person (GoBD Rz. 100 ff.).
 */
@ApplicationScoped
public class CancellationApprovals {

    public static final String ACT = "invoice-cancellation";

    @ConfigProperty(name = "kontor.four-eyes.invoice-cancellation-above")
    BigDecimal threshold;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    public boolean needed(Invoice invoice) {
        return invoice.grossTotal != null && invoice.grossTotal.compareTo(threshold) > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CancellationApproval request(Invoice invoice, String reason, String requestedBy) {
        if (CancellationApproval.pendingFor(invoice.id) != null) {
            throw new ConflictProblem(
                    "the cancellation of invoice " + invoice.invoiceNumber + " already waits for approval");
        }
        CancellationApproval approval = new CancellationApproval();
        approval.id = UUID.randomUUID();
        approval.invoiceId = invoice.id;
        approval.reason = reason;
        approval.requestedBy = requestedBy;
        approval.requestedAt = calendar.now();
        approval.status = CancellationApproval.PENDING;
        approval.persist();
        outbox.publish(new ApprovalRequested(
                approval.id,
                ACT,
                invoice.id,
                invoice.invoiceNumber,
                invoice.grossTotal,
                invoice.currency,
                reason,
                Roles.ACCOUNTING,
                requestedBy,
                approval.requestedAt));
        return approval;
    }
}
