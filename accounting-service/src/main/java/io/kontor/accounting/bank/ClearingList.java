package io.kontor.accounting.bank;

import io.kontor.accounting.bank.BankStatementImport.Matched;
import io.kontor.accounting.bank.BankStatementImport.Unmatched;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.payment.BookedPayment;
import io.kontor.accounting.payment.CollectivePayments;
import io.kontor.accounting.payment.Payment;
import io.kontor.accounting.payment.PaymentReversals;
import io.kontor.accounting.payment.Payments;
import io.kontor.platform.events.accounting.BankEntryCleared;
import io.kontor.platform.events.accounting.BankEntryUnmatched;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The clearing list: bank entries no rule could match, waiting for a person, and what the person does with them —
 * assign, mark as no payment, reverse. Its human steps are announced (issue #20): an entry that waits for a person, and
 * the entry leaving the list; process-service makes the first a task for accounting and closes it on the second.
 */
@ApplicationScoped
public class ClearingList {

    private static final Logger LOG = Logger.getLogger(ClearingList.class);

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Payments payments;

    @Inject
    CollectivePayments collective;

    @Inject
    PaymentReversals reversals;

    /** The clearing list, newest first. */
    public Page<Unmatched> entries(int page, int size) {
        return Paging.page(
                BankEntry.<BankEntry>find(
                        "status = ?1", Sort.descending("importedAt", "id"), BankEntry.Status.UNMATCHED),
                page,
                size,
                Unmatched::of);
    }

    /**
     * Assigns an entry of the clearing list by hand and books it: to one invoice, or split over several
     * ({@code allocations}, §366 BGB).
     */
    @Transactional
    public Matched assign(UUID entryId, String invoiceNumber, List<CollectivePayments.Designation> allocations) {
        BankEntry entry = Found.lockedById(BankEntry.class, entryId, "clearing entry");
        if (entry.status != BankEntry.Status.UNMATCHED) {
            throw new ConflictProblem("entry " + entryId + " is " + entry.status
                    + (entry.invoiceNumber == null ? "" : " (booked against " + entry.invoiceNumber + ")"));
        }
        Payments.Received received =
                EntryBooking.received(entry.amount, entry.valueDate, entry.payerName, entry.remittance, entry);
        if (allocations != null && !allocations.isEmpty()) {
            CollectivePayments.CollectiveBooking booking = collective.bookCollective(null, allocations, received);
            Matched assigned = EntryBooking.collectiveMatched(entry, PaymentMatcher.MatchedBy.BY_HAND, booking);
            cleared(entry, BankEntryCleared.ASSIGNED, assigned.invoiceNumber());
            return assigned;
        }
        if (invoiceNumber == null) {
            throw new InvalidFieldProblem("invoiceNumber", "give the invoice number, or allocations");
        }
        Invoice invoice = Invoice.<Invoice>find("invoiceNumber", invoiceNumber)
                .firstResultOptional()
                .orElseThrow(
                        () -> new InvalidFieldProblem("invoiceNumber", "no invoice " + invoiceNumber + " is known"));
        if (!invoice.currency.equals(entry.currency)) {
            throw new InvalidFieldProblem(
                    "invoiceNumber", invoiceNumber + " is in " + invoice.currency + ", the entry in " + entry.currency);
        }
        BookedPayment booked = payments.book(invoice.id, received);
        entry.matched(PaymentMatcher.MatchedBy.BY_HAND, invoice.id, invoice.invoiceNumber, booked.id());
        cleared(entry, BankEntryCleared.ASSIGNED, invoice.invoiceNumber);
        return new Matched(
                entry.id,
                invoice.invoiceNumber,
                entry.amount,
                PaymentMatcher.MatchedBy.BY_HAND,
                booked.id(),
                booked.invoiceStatus());
    }

    /**
     * Marks a clearing entry as no customer's payment (a transfer between own accounts, a refund of tax): leaves it.
     */
    @Transactional
    public Unmatched notAPayment(UUID entryId, String note) {
        BankEntry entry = Found.lockedById(BankEntry.class, entryId, "bank entry");
        if (entry.status != BankEntry.Status.UNMATCHED) {
            throw new ConflictProblem("entry " + entryId + " is " + entry.status + ", not in the clearing list");
        }
        entry.notAPayment(note);
        cleared(entry, BankEntryCleared.NOT_A_PAYMENT, null);
        LOG.infof("bank entry %s of %s marked not a customer payment: %s", entry.id, entry.amount, note);
        return Unmatched.of(entry);
    }

    /**
     * Reverses what was done with an entry (GoBD: by reversal bookings, nothing deleted): its payments are reversed and
     * it goes back to the clearing list; an entry marked not a payment goes back too. An entry in the clearing list has
     * nothing to reverse (409), so reversing twice is refused.
     */
    @Transactional
    public Unmatched reverse(UUID entryId, String reason) {
        BankEntry entry = Found.lockedById(BankEntry.class, entryId, "bank entry");
        if (entry.status == BankEntry.Status.UNMATCHED || entry.status == BankEntry.Status.RETURNED) {
            throw new ConflictProblem("entry " + entryId + " is " + entry.status + "; nothing to reverse");
        }
        if (entry.status == BankEntry.Status.MATCHED) {
            List<Payment> booked = Payment.list(
                    "(bankEntryId = ?1 or id = ?2) and reversedBy is null and source <> ?3 order by bookedAt desc",
                    entry.id,
                    entry.paymentId,
                    Payment.Source.REVERSAL);
            for (Payment payment : booked) {
                reversals.reverse(payment.id, "reversal of bank entry " + entry.id + ": " + reason);
            }
        }
        entry.reopened(reason);
        waiting(entry);
        LOG.infof("bank entry %s reversed and back in clearing: %s", entry.id, reason);
        return Unmatched.of(entry);
    }

    void waiting(BankEntry entry) {
        outbox.publish(new BankEntryUnmatched(
                entry.id, entry.amount, entry.currency, entry.valueDate, entry.reason, calendar.now()));
    }

    void cleared(BankEntry entry, String outcome, String invoiceNumber) {
        outbox.publish(new BankEntryCleared(entry.id, outcome, invoiceNumber, calendar.now()));
    }
}
