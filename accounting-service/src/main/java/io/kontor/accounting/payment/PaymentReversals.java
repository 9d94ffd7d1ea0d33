package io.kontor.accounting.payment;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.platform.events.accounting.PaymentReversed;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reverses bookings (GoBD: a correction is a new booking that names the one it corrects); published as
 * payment-reversed.
 */
@ApplicationScoped
public class PaymentReversals {

    private static final Logger LOG = Logger.getLogger(PaymentReversals.class);

    @Inject
    PaymentPosting posting;

    @Inject
    CustomerCredits credits;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    EntityManager entityManager;

    /**
     * Reverses a booking: a new row with the negated allocation that names it, the invoice owes again what the booking
     * had settled, credit it created is taken back (refused if it was used meanwhile) and credit it used is given back.
     * A booking is reversed once; a reversal is not reversed (book anew instead).
     */
    @Transactional
    public BookedPayment reverse(UUID paymentId, String reason) {
        return reverse(paymentId, reason, true);
    }

    /** {@code announce}: publish payment-reversed; not for the Skonto reversed along with its payment. */
    private BookedPayment reverse(UUID paymentId, String reason, boolean announce) {
        Payment original = Found.lockedById(Payment.class, paymentId, "payment");
        if (original.reversedBy != null) {
            throw new ConflictProblem("payment " + paymentId + " is already reversed by " + original.reversedBy);
        }
        if (original.source == Payment.Source.REVERSAL) {
            throw new ConflictProblem("payment " + paymentId + " is a reversal; book the payment anew instead");
        }
        Invoice invoice = posting.lockedInvoice(original.invoiceId);
        boolean wasPaid = invoice.status == InvoiceStatus.PAID;
        // The Skonto a payment earned goes with it: without the payment in time there is no discount.
        for (Payment discount : Payment.<Payment>list("discountFor = ?1 and reversedBy is null", original.id)) {
            reverse(discount.id, reason, false);
        }
        if (original.toCredit.signum() > 0) {
            credits.lockCredit(original.customerId);
            BigDecimal credit = CustomerCredit.totalOf(original.customerId);
            if (credit.compareTo(original.toCredit) < 0) {
                throw new ConflictProblem("the " + original.toCredit + " this payment left as credit were set off or"
                        + " refunded meanwhile (credit now " + credit + "); reverse those first");
            }
            CustomerCredit.of(
                            CustomerCredit.Kind.REVERSAL,
                            original.customerId,
                            original.toCredit.negate(),
                            original.currency,
                            original.id,
                            "reversal of payment " + original.id,
                            calendar.now())
                    .persist();
        }
        if (original.source == Payment.Source.CREDIT_SET_OFF) {
            CustomerCredit.of(
                            CustomerCredit.Kind.REVERSAL,
                            original.customerId,
                            original.amount,
                            original.currency,
                            original.id,
                            "reversal of set-off " + original.id,
                            calendar.now())
                    .persist();
        }
        invoice.feesPaid = invoice.feesPaid.subtract(original.toFees);
        invoice.interestPaid = invoice.interestPaid.subtract(original.toInterest);
        invoice.paidAmount = invoice.paidAmount.subtract(original.toPrincipal);
        if (invoice.status == InvoiceStatus.PAID || invoice.status.isReceivable()) {
            boolean nothingPaid = invoice.paidAmount.signum() == 0
                    && invoice.feesPaid.signum() == 0
                    && invoice.interestPaid.signum() == 0;
            invoice.status = nothingPaid ? InvoiceStatus.ISSUED : InvoiceStatus.PARTIALLY_PAID;
        }
        Payment reversal = new Payment();
        reversal.id = UUID.randomUUID();
        reversal.invoiceId = original.invoiceId;
        reversal.invoiceNumber = original.invoiceNumber;
        reversal.customerId = original.customerId;
        reversal.amount = original.amount.negate();
        reversal.currency = original.currency;
        reversal.valueDate = calendar.today();
        reversal.payerName = original.payerName;
        reversal.reference = original.reference;
        reversal.source = Payment.Source.REVERSAL;
        reversal.toFees = original.toFees.negate();
        reversal.toInterest = original.toInterest.negate();
        reversal.toPrincipal = original.toPrincipal.negate();
        reversal.toCredit = original.toCredit.negate();
        reversal.bookedAt = calendar.now();
        reversal.receiptId = original.receiptId;
        reversal.bankEntryId = original.bankEntryId;
        reversal.reverses = original.id;
        reversal.note = reason;
        reversal.persist();
        entityManager.flush();
        original.reversedBy = reversal.id;
        if (announce) {
            // What had paid the invoice no longer does: sales undoes what invoice-paid did.
            outbox.publish(new PaymentReversed(
                    invoice.id,
                    invoice.invoiceNumber,
                    invoice.customerId,
                    invoice.offerId,
                    original.id,
                    reversal.id,
                    original.amount,
                    original.currency,
                    reversal.valueDate,
                    reason,
                    wasPaid,
                    invoice.status.name(),
                    invoice.openClaim().total(),
                    invoice.isOverdue(calendar.today()),
                    invoice.dunningLevel));
        }
        LOG.infof(
                "payment %s of %s on %s reversed by %s: %s",
                original.id, original.amount, original.invoiceNumber, reversal.id, reason);
        return BookedPayment.of(reversal, invoice.status, invoice.openClaim().total());
    }
}
