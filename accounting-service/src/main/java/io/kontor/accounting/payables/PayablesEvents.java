package io.kontor.accounting.payables;

import io.kontor.accounting.payables.intake.Intake;
import io.kontor.accounting.payables.run.OutgoingPayments;
import io.kontor.platform.events.accounting.SupplierInvoiceApproved;
import io.kontor.platform.events.accounting.SupplierInvoicePaid;
import io.kontor.platform.events.accounting.SupplierInvoiceReceived;
import io.kontor.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Accounts payable's facts on {@code accounting.payables}, written to the outbox in the transaction that made them (the
 * observers run synchronously inside it): the process service builds its tasks and cycle times from them.
 */
@ApplicationScoped
public class PayablesEvents {

    @Inject
    Outbox outbox;

    void received(@Observes Intake.Received received) {
        SupplierInvoice i = received.invoice();
        outbox.publish(new SupplierInvoiceReceived(
                i.id,
                i.supplierId,
                i.sellerName,
                i.invoiceNumber,
                i.kind.name(),
                i.status.name(),
                i.issueDate,
                i.dueDate,
                i.grossTotal,
                i.currency,
                i.heldReason != null,
                i.approvalNeedsSecondPerson));
    }

    void approved(@Observes Approval.Approved approved) {
        SupplierInvoice i = approved.invoice();
        outbox.publish(new SupplierInvoiceApproved(
                i.id,
                i.supplierId,
                i.invoiceNumber,
                i.payableAmount,
                i.currency,
                i.dueDate,
                i.approvalNeedsSecondPerson));
    }

    void paid(@Observes OutgoingPayments.Settled settled) {
        SupplierInvoice i = settled.invoice();
        outbox.publish(new SupplierInvoicePaid(
                i.id,
                i.supplierId,
                i.invoiceNumber,
                i.paidAmount,
                i.skontoTaken,
                i.currency,
                i.paymentRunId,
                i.paidOn));
    }
}
