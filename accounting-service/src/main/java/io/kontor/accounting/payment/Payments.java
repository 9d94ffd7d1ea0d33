package io.kontor.accounting.payment;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.accounting.PaymentReceived;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Books received money against an invoice: allocation by §367 BGB, surplus to the customer's credit, events out. */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Event<PaymentBooking> bookings;

    /** What a payment says, wherever it was learned of. */
    public record Received(
            BigDecimal amount, LocalDate valueDate, String payerName, String reference, Payment.Source source) {}

    /**
     * Raised inside the booking transaction before the allocation, with the invoice locked: lets dunning bring default
     * interest up to the value date, so that the payment pays the interest owed on that day.
     */
    public record PaymentBooking(Invoice invoice, LocalDate valueDate) {}

    @Transactional
    public BookedPayment book(UUID invoiceId, Received received) {
        // Locked: two payments of one invoice at once must not both see the same open amount.
        Invoice invoice = Invoice.findById(invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw new NotFoundProblem("invoice", invoiceId);
        }
        if (invoice.status == InvoiceStatus.DRAFT || invoice.status == InvoiceStatus.CANCELLED) {
            throw new ConflictProblem("invoice " + (invoice.invoiceNumber == null ? invoice.id : invoice.invoiceNumber)
                    + " is " + invoice.status + "; payments are booked against issued invoices");
        }
        if (invoice.status.isReceivable()) {
            bookings.fire(new PaymentBooking(invoice, received.valueDate()));
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
        if (!wasPaid && invoice.status == InvoiceStatus.PAID) {
            outbox.publish(new InvoicePaid(
                    invoice.id, invoice.invoiceNumber, invoice.customerId, invoice.offerId, payment.valueDate));
        }
        LOG.infof(
                "payment %s of %s %s booked against %s: %s fees, %s interest, %s principal, %s credit; %s left, %s",
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
}
