package io.kontor.accounting.payables;

import io.kontor.accounting.payables.check.Check;
import io.kontor.accounting.payables.supplier.Supplier;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Approval of an incoming invoice for payment. Until the process service's approvals exist this is the approval state,
 * with the four-eyes rule enforced here.
 */
@ApplicationScoped
public class Approval {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Event<Approved> approved;

    /** Fired in the approval's transaction. */
    public record Approved(SupplierInvoice invoice) {}

    public void approve(SupplierInvoice invoice, String approver) {
        if (invoice.status != SupplierInvoiceStatus.RECEIVED) {
            throw new ConflictProblem("only a RECEIVED invoice is approved; this one is " + invoice.status);
        }
        if (invoice.heldReason != null) {
            throw new ConflictProblem("held: " + invoice.heldReason);
        }
        if (invoice.hasFailedChecks()) {
            throw new ConflictProblem("checks failed: "
                    + invoice.checks.stream()
                            .filter(c -> c.outcome() == Check.Outcome.FAILED)
                            .map(c -> c.name() + " (" + c.message() + ")")
                            .collect(Collectors.joining("; ")));
        }
        if (invoice.approvalNeedsSecondPerson && Objects.equals(invoice.recordedBy, approver)) {
            throw new ConflictProblem("the amount due " + invoice.payableAmount + " needs a second person's approval:"
                    + " the one who recorded the invoice cannot approve it (four eyes)");
        }
        Supplier supplier = Supplier.findById(invoice.supplierId);
        if (supplier != null && supplier.pendingIban != null && supplier.pendingIbanInvoiceId != null) {
            if (supplier.pendingIbanInvoiceId.equals(invoice.id)) {
                throw new ConflictProblem("the invoice's IBAN waits for verification");
            }
        }
        if (invoice.approvalNeedsSecondPerson && invoice.recordedBy == null) {
            // Nobody recorded a mailed invoice, so one approver alone would be one pair of eyes: the first approval
            // is recorded and the invoice stays RECEIVED until a different person approves it too.
            if (invoice.firstApprovedBy == null) {
                invoice.firstApprovedBy = approver;
                invoice.firstApprovedAt = calendar.now();
                return;
            }
            if (invoice.firstApprovedBy.equals(approver)) {
                throw new ConflictProblem("the amount due " + invoice.payableAmount + " needs a second person's"
                        + " approval: this invoice came by mail and was approved first by the same person (four eyes)");
            }
        }
        invoice.status = SupplierInvoiceStatus.PAYABLE;
        invoice.approvedBy = approver;
        invoice.approvedAt = calendar.now();
        approved.fire(new Approved(invoice));
    }

    /** Everything approved or waiting, not yet paid, earliest due first (a Skonto deadline counts as due). */
    public List<SupplierInvoiceResource.OpenPayable> open() {
        List<SupplierInvoice> open = SupplierInvoice.list(
                "status in ?1",
                Sort.ascending("dueDate"),
                List.of(
                        SupplierInvoiceStatus.RECEIVED,
                        SupplierInvoiceStatus.PAYABLE,
                        SupplierInvoiceStatus.IN_PAYMENT,
                        SupplierInvoiceStatus.NEEDS_DATA));
        return open.stream()
                .map(i -> new SupplierInvoiceResource.OpenPayable(
                        i.id,
                        i.sellerName,
                        i.invoiceNumber,
                        i.status,
                        i.dueDate,
                        i.skontoDeadline() != null && !i.skontoDeadline().isBefore(calendar.today())
                                ? i.skontoDeadline()
                                : null,
                        i.skontoDeadline() != null && !i.skontoDeadline().isBefore(calendar.today())
                                ? i.skontoAmount()
                                : null,
                        i.payableAmount,
                        i.currency,
                        i.heldReason != null))
                .toList();
    }
}
