package io.kontor.accounting.payment;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.accounting.PaymentReceived;
import io.kontor.platform.events.accounting.PaymentReversed;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Books received money: against one invoice (allocation by §367 BGB), split over several (§366 BGB), the customer's
 * credit set off (§387 BGB), short payments written off, and reversals of any of these (GoBD: a correction is a new
 * booking that names the one it corrects). Surplus goes to the customer's credit; events out through the outbox.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Event<PaymentBooking> bookings;

    @Inject
    EntityManager entityManager;

    /** What a payment says, wherever it was learned of. */
    public record Received(
            BigDecimal amount,
            LocalDate valueDate,
            String payerName,
            String reference,
            Payment.Source source,
            UUID receiptId,
            UUID bankEntryId,
            String note) {

        public Received(
                BigDecimal amount, LocalDate valueDate, String payerName, String reference, Payment.Source source) {
            this(amount, valueDate, payerName, reference, source, null, null, null);
        }

        Received withAmount(BigDecimal part) {
            return new Received(part, valueDate, payerName, reference, source, receiptId, bankEntryId, note);
        }
    }

    /**
     * Raised inside the booking transaction before the allocation, with the invoice locked: lets dunning bring default
     * interest up to the value date, and unwind notices issued after it, so that the payment pays what was owed on that
     * day.
     */
    public record PaymentBooking(Invoice invoice, LocalDate valueDate) {}

    /** One part of a collective payment: an invoice and, if the payer said so, the amount meant for it. */
    public record Designation(String invoiceNumber, BigDecimal amount) {}

    /** A receipt split over invoices: the parts booked and what went to the customer's credit. */
    public record CollectiveBooking(
            UUID receiptId,
            UUID customerId,
            BigDecimal amount,
            String currency,
            String rule,
            List<BookedPayment> parts,
            BigDecimal toCredit) {}

    @Transactional
    public BookedPayment book(UUID invoiceId, Received received) {
        Invoice invoice = lockedInvoice(invoiceId);
        if (invoice.status == InvoiceStatus.DRAFT || invoice.status == InvoiceStatus.CANCELLED) {
            throw new ConflictProblem("invoice " + (invoice.invoiceNumber == null ? invoice.id : invoice.invoiceNumber)
                    + " is " + invoice.status + "; payments are booked against issued invoices");
        }
        BookedPayment booked = apply(invoice, received);
        BookedPayment discount = grantSkonto(invoice, booked, received);
        if (discount != null) {
            booked = withInvoice(booked, discount);
        }
        if (booked.allocation().credit().signum() > 0) {
            // Set off as of today at the latest: a claim is set off only once it is due (§387 BGB), and a value date
            // in the future does not make it due earlier.
            LocalDate today = calendar.today();
            setOffAgainstDueInvoices(
                    invoice.customerId, received.valueDate().isAfter(today) ? today : received.valueDate());
        }
        return booked;
    }

    /**
     * Splits one receipt over the customer's invoices. §366 (1) BGB: the payer's designation rules (the invoices named,
     * with amounts if given, else each filled up in the order named); what it leaves, or everything without one, goes
     * by §366 (2) BGB ({@link ClaimOrder}); the rest is the customer's credit.
     */
    @Transactional
    public CollectiveBooking bookCollective(UUID customerId, List<Designation> designations, Received received) {
        Map<UUID, Designation> designated = new LinkedHashMap<>();
        UUID customer = customerId;
        String currency = null;
        BigDecimal designatedSum = ZERO;
        for (int i = 0; i < designations.size(); i++) {
            Designation designation = designations.get(i);
            String field = "allocations[" + i + "].invoiceNumber";
            Invoice invoice = Invoice.<Invoice>find("invoiceNumber", designation.invoiceNumber())
                    .firstResultOptional()
                    .orElseThrow(() ->
                            new InvalidFieldProblem(field, "no invoice " + designation.invoiceNumber() + " is known"));
            if (customer == null) {
                customer = invoice.customerId;
            } else if (!customer.equals(invoice.customerId)) {
                throw new InvalidFieldProblem(
                        field, designation.invoiceNumber() + " is another customer's; one receipt pays one customer");
            }
            if (!invoice.status.isReceivable() && invoice.status != InvoiceStatus.PAID) {
                throw new InvalidFieldProblem(field, designation.invoiceNumber() + " is " + invoice.status);
            }
            if (currency != null && !currency.equals(invoice.currency)) {
                throw new InvalidFieldProblem(field, "invoices in several currencies");
            }
            currency = invoice.currency;
            if (designated.put(invoice.id, designation) != null) {
                throw new InvalidFieldProblem(field, designation.invoiceNumber() + " is named twice");
            }
            if (designation.amount() != null) {
                designatedSum = designatedSum.add(designation.amount());
            }
        }
        if (designatedSum.compareTo(received.amount()) > 0) {
            throw new InvalidFieldProblem(
                    "allocations",
                    "the amounts allocated (" + designatedSum + ") exceed the amount received (" + received.amount()
                            + ")");
        }
        if (customer == null) {
            throw new InvalidFieldProblem("customerId", "name the customer, or the invoices the payment is for");
        }
        if (designated.isEmpty() && io.kontor.accounting.customer.Customer.findById(customer) == null) {
            throw new InvalidFieldProblem("customerId", "no customer " + customer + " is known to accounting");
        }
        UUID receiptId = received.receiptId() == null ? UUID.randomUUID() : received.receiptId();
        Received base = new Received(
                received.amount(),
                received.valueDate(),
                received.payerName(),
                received.reference(),
                received.source(),
                receiptId,
                received.bankEntryId(),
                received.note());
        List<BookedPayment> parts = new ArrayList<>();
        BigDecimal left = received.amount();
        Map<UUID, BigDecimal> skonti = skontiIfPaidLessSkonto(designated, received);
        // §366 (1): the payer's designation, in the order given.
        for (Map.Entry<UUID, Designation> entry : designated.entrySet()) {
            if (left.signum() <= 0) {
                break;
            }
            Invoice invoice = lockedInvoice(entry.getKey());
            BigDecimal part;
            if (entry.getValue().amount() != null) {
                part = entry.getValue().amount().min(left);
            } else {
                if (!invoice.status.isReceivable()) {
                    continue;
                }
                bookings.fire(new PaymentBooking(invoice, received.valueDate()));
                part = invoice.openClaim()
                        .total()
                        .subtract(skonti.getOrDefault(invoice.id, ZERO))
                        .min(left);
            }
            if (part.signum() <= 0) {
                continue;
            }
            BookedPayment booked = apply(invoice, base.withAmount(part));
            if (skonti.containsKey(invoice.id)) {
                BookedPayment discount = grantSkonto(invoice, booked, base);
                if (discount != null) {
                    booked = withInvoice(booked, discount);
                }
            }
            parts.add(booked);
            left = left.subtract(part);
        }
        // §366 (2): the rest to the customer's other open invoices, due before not due, burdensome before light, old
        // before new.
        if (left.signum() > 0) {
            for (Invoice candidate : ClaimOrder.sorted(openInvoicesOf(customer), received.valueDate())) {
                if (left.signum() <= 0) {
                    break;
                }
                if (designated.containsKey(candidate.id)) {
                    continue;
                }
                Invoice invoice = lockedInvoice(candidate.id);
                if (!invoice.status.isReceivable()) {
                    continue;
                }
                bookings.fire(new PaymentBooking(invoice, received.valueDate()));
                BigDecimal part = invoice.openClaim().total().min(left);
                if (part.signum() <= 0) {
                    continue;
                }
                parts.add(apply(invoice, base.withAmount(part)));
                left = left.subtract(part);
                currency = invoice.currency;
            }
        }
        BigDecimal toCredit = parts.stream().map(p -> p.allocation().credit()).reduce(ZERO, BigDecimal::add);
        if (left.signum() > 0) {
            CustomerCredit.of(
                            customer,
                            left,
                            currency == null ? "EUR" : currency,
                            null,
                            "surplus of receipt " + receiptId,
                            calendar.now())
                    .persist();
            toCredit = toCredit.add(left);
        }
        String rule = designated.isEmpty()
                ? "§366 (2) BGB"
                : left.signum() > 0 || parts.size() > designated.size() ? "§366 (1) and (2) BGB" : "§366 (1) BGB";
        LOG.infof(
                "receipt %s of %s split over %d invoices of customer %s (%s), %s to credit",
                receiptId, received.amount(), parts.size(), customer, rule, toCredit);
        return new CollectiveBooking(
                receiptId, customer, received.amount(), currency, rule, List.copyOf(parts), toCredit);
    }

    /**
     * Sets the customer's credit off against its due invoices (§387 BGB: our claim must be due), in the order of §366
     * (2) BGB. Logged and booked like a payment of source CREDIT_SET_OFF. Answers the set-offs booked.
     */
    @Transactional
    public List<BookedPayment> setOffAgainstDueInvoices(UUID customerId, LocalDate on) {
        lockCredit(customerId);
        List<BookedPayment> booked = new ArrayList<>();
        for (Invoice candidate : ClaimOrder.sorted(openInvoicesOf(customerId), on)) {
            if (candidate.dueDate == null || candidate.dueDate.isAfter(on)) {
                continue;
            }
            if (CustomerCredit.totalOf(customerId).signum() <= 0) {
                break;
            }
            setOff(lockedInvoice(candidate.id), on).ifPresent(booked::add);
        }
        return booked;
    }

    /** Sets the customer's credit off against this invoice (locked by the caller), as far as it goes. */
    @Transactional
    public java.util.Optional<BookedPayment> setOff(Invoice invoice, LocalDate on) {
        lockCredit(invoice.customerId);
        BigDecimal credit = CustomerCredit.totalOf(invoice.customerId);
        if (credit.signum() <= 0 || !invoice.status.isReceivable()) {
            return java.util.Optional.empty();
        }
        bookings.fire(new PaymentBooking(invoice, on));
        BigDecimal amount = credit.min(invoice.openClaim().total());
        if (amount.signum() <= 0) {
            return java.util.Optional.empty();
        }
        BookedPayment booked = apply(
                invoice,
                new Received(
                        amount,
                        on,
                        null,
                        "Aufrechnung mit Guthaben",
                        Payment.Source.CREDIT_SET_OFF,
                        null,
                        null,
                        "credit of " + credit + " set off (§387 BGB)"));
        CustomerCredit.of(
                        CustomerCredit.Kind.SET_OFF,
                        invoice.customerId,
                        amount.negate(),
                        invoice.currency,
                        booked.id(),
                        "set off against " + invoice.invoiceNumber,
                        calendar.now())
                .persist();
        LOG.infof(
                "credit of customer %s: %s set off against %s on %s (credit was %s)",
                invoice.customerId, amount, invoice.invoiceNumber, on, credit);
        return java.util.Optional.of(booked);
    }

    /** Writes off what is left of a short payment within tolerance, with its reason; no money moved. */
    @Transactional
    public BookedPayment writeOff(UUID invoiceId, BigDecimal amount, LocalDate on, String reason, UUID receiptId) {
        Invoice invoice = lockedInvoice(invoiceId);
        return apply(
                invoice, new Received(amount, on, null, reason, Payment.Source.WRITE_OFF, receiptId, null, reason));
    }

    /**
     * A collective transfer naming invoices without amounts that is exactly their total less the Skonto each still
     * earns on the value date was paid less Skonto: the discount per invoice. Any other amount: none (the parts are
     * then filled in full, §366 (1) BGB).
     */
    private static Map<UUID, BigDecimal> skontiIfPaidLessSkonto(Map<UUID, Designation> designated, Received received) {
        Map<UUID, BigDecimal> skonti = new LinkedHashMap<>();
        BigDecimal payable = ZERO;
        for (Map.Entry<UUID, Designation> entry : designated.entrySet()) {
            if (entry.getValue().amount() != null) {
                return Map.of();
            }
            Invoice invoice = Invoice.findById(entry.getKey());
            if (!invoice.status.isReceivable()) {
                continue;
            }
            BigDecimal open = invoice.openClaim().total();
            BigDecimal discount = invoice.skonto() == null
                    ? ZERO
                    : invoice.skontoFor(received.valueDate(), invoice.skonto().amount(invoice.grossTotal));
            if (discount.signum() > 0) {
                skonti.put(invoice.id, discount);
            }
            payable = payable.add(open.subtract(discount));
        }
        return !skonti.isEmpty() && payable.compareTo(received.amount()) == 0 ? skonti : Map.of();
    }

    /**
     * Grants the Skonto agreed on the invoice when money paid in time leaves no more open than the discount (§17 (1)
     * UStG: the consideration, and with it each rate's tax base, is reduced;
     * {@link io.kontor.accounting.invoice.Skonto}). Paid after the Skonto period, the deduction is a short payment and
     * stays open. Answers the Skonto booking, or null.
     */
    private BookedPayment grantSkonto(Invoice invoice, BookedPayment booked, Received received) {
        if (received.source() != Payment.Source.MANUAL && received.source() != Payment.Source.BANK_STATEMENT) {
            return null;
        }
        BigDecimal discount = invoice.skontoFor(received.valueDate(), invoice.openAmount());
        if (discount.signum() <= 0) {
            return null;
        }
        io.kontor.accounting.invoice.Skonto terms = invoice.skonto();
        BookedPayment granted = apply(
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
    private static BookedPayment withInvoice(BookedPayment booked, BookedPayment after) {
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

    /** Pays the customer's credit back (a refund by transfer): refused if it exceeds the credit. */
    @Transactional
    public BigDecimal refund(UUID customerId, BigDecimal amount, String currency, String reference) {
        lockCredit(customerId);
        BigDecimal credit = CustomerCredit.totalOf(customerId);
        if (amount.compareTo(credit) > 0) {
            throw new InvalidFieldProblem("amount", "exceeds the customer's credit of " + credit);
        }
        CustomerCredit.of(
                        CustomerCredit.Kind.REFUND,
                        customerId,
                        amount.negate(),
                        currency,
                        null,
                        "refund" + (reference == null ? "" : ": " + reference),
                        calendar.now())
                .persist();
        LOG.infof("credit of customer %s: %s refunded (%s)", customerId, amount, reference);
        return credit.subtract(amount);
    }

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
        Payment original = Payment.findById(paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (original == null) {
            throw new NotFoundProblem("payment", paymentId);
        }
        if (original.reversedBy != null) {
            throw new ConflictProblem("payment " + paymentId + " is already reversed by " + original.reversedBy);
        }
        if (original.source == Payment.Source.REVERSAL) {
            throw new ConflictProblem("payment " + paymentId + " is a reversal; book the payment anew instead");
        }
        Invoice invoice = lockedInvoice(original.invoiceId);
        boolean wasPaid = invoice.status == InvoiceStatus.PAID;
        // The Skonto a payment earned goes with it: without the payment in time there is no discount.
        for (Payment discount : Payment.<Payment>list("discountFor = ?1 and reversedBy is null", original.id)) {
            reverse(discount.id, reason, false);
        }
        if (original.toCredit.signum() > 0) {
            lockCredit(original.customerId);
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

    /** Books {@code received} against the locked, issued {@code invoice}. */
    private BookedPayment apply(Invoice invoice, Received received) {
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

    private static Invoice lockedInvoice(UUID invoiceId) {
        // Locked: two payments of one invoice at once must not both see the same open amount.
        Invoice invoice = Invoice.findById(invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw new NotFoundProblem("invoice", invoiceId);
        }
        return invoice;
    }

    private static List<Invoice> openInvoicesOf(UUID customerId) {
        return Invoice.list(
                "customerId = ?1 and status in ?2",
                customerId,
                List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID));
    }

    /** One customer's credit is used by one transaction at a time: a credit must not be set off twice. */
    private void lockCredit(UUID customerId) {
        // What follows reads the credit and the open invoices from the table: it must see this transaction's bookings,
        // also where the caller runs with FlushModeType.COMMIT (the bank statement import).
        entityManager.flush();
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits())
                .getSingleResult();
    }
}
