package io.kontor.accounting.payment;

import io.kontor.accounting.dunning.DunningCharges;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.Payments.Received;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.accounting.PaymentReceived;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Posts one booking against one locked invoice: the allocation (fees, interest, principal, §367 BGB), the surplus to
 * the customer's credit, the events. Default interest is first brought up to the value date ({@link DunningCharges}),
 * so that the booking pays what was owed on that day.
 */
@ApplicationScoped
public class PaymentPosting {

    private static final Logger LOG = Logger.getLogger(PaymentPosting.class);

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    DunningCharges dunning;

    /**
     * Grants the Skonto agreed on the invoice when money paid in time leaves no more open than the discount (§17 (1)
     * UStG: the consideration, and with it each rate's tax base, is reduced;
     * {@link io.kontor.accounting.invoice.Skonto}). Paid after the Skonto period, the deduction is a short payment and
     * stays open. Answers the Skonto booking, or null.
     */
    BookedPayment grantSkonto(Invoice invoice, BookedPayment booked, Received received) {
        if (received.source() != Payment.Source.MANUAL && received.source() != Payment.Source.BANK_STATEMENT) {
            return null;
        }
        BigDecimal discount = invoice.skontoFor(received.valueDate(), invoice.openAmount());
        if (discount.signum() <= 0) {
            return null;
        }
        io.kontor.accounting.invoice.Skonto terms = invoice.skonto();
        BookedPayment granted = post(
                invoice,
                new Received(
                        discount,
                        received.valueDate(),
                        null,
                        "Skonto " + terms.percent() + " %",
                        Payment.Source.SKONTO,
                        received.receiptId(),
                        null,
                        terms.percent() + " % Skonto, paid by " + received.valueDate() + " within " + terms.days()
                                + " days (§17 (1) UStG)"));
        Payment.<Payment>findById(granted.id()).discountFor = booked.id();
        return granted;
    }

    /** The cash booking as the caller sees it: with the invoice's status and open amount after its Skonto. */
    BookedPayment withInvoice(BookedPayment booked, BookedPayment after) {
        return new BookedPayment(
                booked.id(),
                booked.invoiceId(),
                booked.invoiceNumber(),
                booked.customerId(),
                booked.amount(),
                booked.currency(),
                booked.valueDate(),
                booked.payerName(),
                booked.reference(),
                booked.source(),
                booked.allocation(),
                after.invoiceStatus(),
                after.openAmount());
    }

    /** Books {@code received} against the locked, issued {@code invoice}. */
    BookedPayment post(Invoice invoice, Received received) {
        if (invoice.status.isReceivable()) {
            dunning.bringUpTo(invoice, received.valueDate());
        }
        PaymentAllocation allocation = PaymentAllocation.of(received.amount(), invoice.openClaim());
        boolean wasPaid = invoice.status == InvoiceStatus.PAID;
        if (!wasPaid) {
            invoice.settle(allocation);
        }
        Payment payment = Payment.of(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                received.amount(),
                invoice.currency,
                received.valueDate(),
                received.payerName(),
                received.reference(),
                received.source(),
                allocation,
                calendar.now());
        payment.receiptId = received.receiptId();
        payment.bankEntryId = received.bankEntryId();
        payment.note = received.note();
        payment.persist();
        if (allocation.surplus().signum() > 0) {
            CustomerCredit.of(
                            invoice.customerId,
                            allocation.surplus(),
                            invoice.currency,
                            payment.id,
                            "overpayment of " + invoice.invoiceNumber,
                            calendar.now())
                    .persist();
        }
        BigDecimal stillOwed = invoice.openClaim().total();
        if (received.source() != Payment.Source.WRITE_OFF && received.source() != Payment.Source.SKONTO) {
            outbox.publish(new PaymentReceived(
                    invoice.id,
                    invoice.invoiceNumber,
                    invoice.customerId,
                    invoice.offerId,
                    payment.id,
                    payment.amount,
                    payment.currency,
                    payment.valueDate,
                    stillOwed));
        }
        if (!wasPaid && invoice.status == InvoiceStatus.PAID) {
            outbox.publish(new InvoicePaid(
                    invoice.id, invoice.invoiceNumber, invoice.customerId, invoice.offerId, payment.valueDate));
        }
        LOG.infof(
                "%s %s of %s %s booked against %s: %s fees, %s interest, %s principal, %s credit; %s left, %s",
                payment.source,
                payment.id,
                payment.amount,
                payment.currency,
                invoice.invoiceNumber,
                allocation.fees(),
                allocation.interest(),
                allocation.principal(),
                allocation.surplus(),
                stillOwed,
                invoice.status);
        return BookedPayment.of(payment, invoice.status, stillOwed);
    }

    Invoice lockedInvoice(UUID invoiceId) {
        // Locked: two payments of one invoice at once must not both see the same open amount.
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        return invoice;
    }

    List<Invoice> openInvoicesOf(UUID customerId) {
        return Invoice.list(
                "customerId = ?1 and status in ?2",
                customerId,
                List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID));
    }
}
