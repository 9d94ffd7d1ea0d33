package io.kontor.accounting.payment;

import io.kontor.accounting.dunning.DunningCharges;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.Payments.Received;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Splits one receipt over the customer's invoices (§366 BGB): the payer's designation first, then the statutory order;
 * what is left becomes the customer's credit.
 */
@ApplicationScoped
public class CollectivePayments {

    private static final Logger LOG = Logger.getLogger(CollectivePayments.class);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Inject
    PaymentPosting posting;

    @Inject
    BusinessCalendar calendar;

    @Inject
    DunningCharges dunning;

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
            Invoice invoice = posting.lockedInvoice(entry.getKey());
            BigDecimal part;
            if (entry.getValue().amount() != null) {
                part = entry.getValue().amount().min(left);
            } else {
                if (!invoice.status.isReceivable()) {
                    continue;
                }
                dunning.bringUpTo(invoice, received.valueDate());
                part = invoice.openClaim()
                        .total()
                        .subtract(skonti.getOrDefault(invoice.id, ZERO))
                        .min(left);
            }
            if (part.signum() <= 0) {
                continue;
            }
            BookedPayment booked = posting.post(invoice, base.withAmount(part));
            if (skonti.containsKey(invoice.id)) {
                BookedPayment discount = posting.grantSkonto(invoice, booked, base);
                if (discount != null) {
                    booked = posting.withInvoice(booked, discount);
                }
            }
            parts.add(booked);
            left = left.subtract(part);
        }
        // §366 (2): the rest to the customer's other open invoices, due before not due, burdensome before light, old
        // before new.
        if (left.signum() > 0) {
            for (Invoice candidate : ClaimOrder.sorted(posting.openInvoicesOf(customer), received.valueDate())) {
                if (left.signum() <= 0) {
                    break;
                }
                if (designated.containsKey(candidate.id)) {
                    continue;
                }
                Invoice invoice = posting.lockedInvoice(candidate.id);
                if (!invoice.status.isReceivable()) {
                    continue;
                }
                dunning.bringUpTo(invoice, received.valueDate());
                BigDecimal part = invoice.openClaim().total().min(left);
                if (part.signum() <= 0) {
                    continue;
                }
                parts.add(posting.post(invoice, base.withAmount(part)));
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
}
