package io.kontor.accounting.credit;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceNumbers;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.invoice.InvoiceTotals;
import io.kontor.accounting.payment.CustomerCredit;
import io.kontor.accounting.payment.CustomerCredits;
import io.kontor.platform.events.accounting.InvoiceCredited;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Partial credit notes (§17 (1) UStG: the price of a supply was reduced afterwards; the correction is a document of its
 * own that names the invoice, §14 (4) UStG, §31 (5) UStDV). The credit takes what it can off the invoice's open
 * principal; on a (partly) paid invoice the rest is owed back: it becomes the customer's credit, which is set off
 * against the customer's due invoices at once (§387 BGB, as an overpayment is) and otherwise refunded by the accountant
 * ({@code POST /customers/{id}/credit/refund}). DECISIONS.md says why.
 */
@ApplicationScoped
public class PartialCredits {

    private static final Logger LOG = Logger.getLogger(PartialCredits.class);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Inject
    InvoiceNumbers numbers;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    CreditNoteDocuments documents;

    @Inject
    CustomerCredits customerCredits;

    @Inject
    CreditNoteMail mail;

    @Inject
    EntityManager entityManager;

    private record Group(BigDecimal rate, TaxTreatment treatment) {
        static Group of(BigDecimal rate, TaxTreatment treatment) {
            return new Group(rate.stripTrailingZeros(), treatment);
        }
    }

    @Transactional
    public PartialCredit credit(UUID invoiceId, PartialCreditRequest request) {
        Invoice invoice = Invoice.findById(invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw new NotFoundProblem("invoice", invoiceId);
        }
        if (!invoice.status.isReceivable() && invoice.status != InvoiceStatus.PAID) {
            throw new ConflictProblem("invoice " + (invoice.invoiceNumber == null ? invoiceId : invoice.invoiceNumber)
                    + " is " + invoice.status + "; only an issued invoice, open or paid, can be credited in part");
        }
        List<PartialCredit> earlier = PartialCredit.of(invoiceId);
        PartialCredit credit = new PartialCredit();
        credit.id = UUID.randomUUID();
        credit.invoiceId = invoice.id;
        credit.customerId = invoice.customerId;
        credit.reason = request.reason().strip();
        credit.currency = invoice.currency;
        boolean byLines = request.lines() != null && !request.lines().isEmpty();
        boolean byAmounts = request.amounts() != null && !request.amounts().isEmpty();
        if (byLines == byAmounts) {
            throw new InvalidFieldProblem(
                    byLines ? "amounts" : "lines",
                    "give either lines or amounts to credit, " + (byLines ? "not both" : "one of them"));
        }
        if (byLines) {
            creditLines(invoice, earlier, request.lines(), credit);
        } else {
            creditAmounts(invoice, request.amounts(), credit);
        }
        InvoiceTotals totals = credit.totals();
        String field = byLines ? "lines" : "amounts";
        requireWithinRates(invoice, earlier, totals, field);
        BigDecimal creditedBefore = earlier.stream().map(c -> c.grossAmount).reduce(ZERO, BigDecimal::add);
        BigDecimal creditable = invoice.grossTotal.subtract(creditedBefore);
        if (totals.grossTotal().compareTo(creditable) > 0) {
            // §17 UStG corrects what was charged: never more than the invoice less what was credited on it before.
            throw new ConflictProblem(
                    field,
                    "a credit of " + totals.grossTotal() + " exceeds what is left to credit of invoice "
                            + invoice.invoiceNumber + ": " + creditable + " (" + invoice.grossTotal + " less "
                            + creditedBefore + " credited before)");
        }
        // Only now, with the credit found lawful, is a number taken: a refused credit must leave no gap (GoBD).
        LocalDate today = calendar.today();
        credit.number = numbers.nextCreditNote(today.getYear());
        credit.issuedOn = today;
        credit.netAmount = totals.netTotal();
        credit.vatAmount = totals.vatTotal();
        credit.grossAmount = totals.grossTotal();
        boolean wasPaid = invoice.status == InvoiceStatus.PAID;
        credit.againstOpen = invoice.openAmount().min(credit.grossAmount).max(ZERO);
        credit.toCustomerCredit = credit.grossAmount.subtract(credit.againstOpen);
        credit.createdAt = calendar.now();
        invoice.creditAgainstOpen(credit.againstOpen);
        credit.persist();
        if (credit.toCustomerCredit.signum() > 0) {
            lockCredit(invoice.customerId);
            CustomerCredit.fromCreditNote(
                            invoice.customerId,
                            credit.toCustomerCredit,
                            invoice.currency,
                            "credit note " + credit.number + " on paid invoice " + invoice.invoiceNumber,
                            credit.createdAt)
                    .persist();
        }
        documents.freeze(credit, invoice);
        mail.sendIssued(credit, invoice);
        outbox.publish(new InvoiceCredited(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                invoice.offerId,
                credit.id,
                credit.number,
                credit.issuedOn,
                credit.reason,
                credit.currency,
                credit.netAmount,
                credit.vatAmount,
                credit.grossAmount,
                credit.againstOpen,
                credit.toCustomerCredit,
                invoice.status.name(),
                invoice.openAmount()));
        if (!wasPaid && invoice.status == InvoiceStatus.PAID) {
            // The credit settled what was left: for sales the invoice is paid (its credit standing, the follow-up).
            outbox.publish(
                    new InvoicePaid(invoice.id, invoice.invoiceNumber, invoice.customerId, invoice.offerId, today));
        }
        LOG.infof(
                "invoice %s credited in part by %s: %s gross, %s off the open amount, %s to the customer's credit",
                invoice.invoiceNumber, credit.number, credit.grossAmount, credit.againstOpen, credit.toCustomerCredit);
        if (credit.toCustomerCredit.signum() > 0) {
            customerCredits.setOffAgainstDueInvoices(invoice.customerId, today);
        }
        return credit;
    }

    /** Parts of the invoice's lines, each at most what is left of it after earlier credits. */
    private static void creditLines(
            Invoice invoice,
            List<PartialCredit> earlier,
            List<PartialCreditRequest.Line> requested,
            PartialCredit credit) {
        if (invoice.finalInvoice) {
            // Its lines are the whole offer, of which the partial invoices were deducted: which part a line credits
            // is not for us to guess. A price reduction per rate says it plainly.
            throw new InvalidFieldProblem("lines", "a final invoice is credited by amounts per VAT rate, not by lines");
        }
        List<InvoiceLine> priced =
                invoice.lines.stream().filter(line -> !line.isText()).toList();
        Map<Integer, BigDecimal> left = new HashMap<>();
        for (int i = 0; i < priced.size(); i++) {
            left.put(i + 1, priced.get(i).quantity);
        }
        for (PartialCredit before : earlier) {
            for (CreditLine line : before.lines) {
                if (line.originalPosition != null) {
                    left.merge(line.originalPosition, line.quantity.negate(), BigDecimal::add);
                }
            }
        }
        BigDecimal creditedNet = BigDecimal.ZERO;
        for (int i = 0; i < requested.size(); i++) {
            PartialCreditRequest.Line wanted = requested.get(i);
            if (wanted.position() > priced.size()) {
                throw new InvalidFieldProblem(
                        "lines[" + i + "].position",
                        "invoice " + invoice.invoiceNumber + " has " + priced.size() + " priced lines");
            }
            BigDecimal available = left.get(wanted.position());
            if (wanted.quantity().compareTo(available) > 0) {
                throw new InvalidFieldProblem(
                        "lines[" + i + "].quantity",
                        "exceeds the " + available.stripTrailingZeros().toPlainString() + " of line "
                                + wanted.position() + " not credited yet");
            }
            left.put(wanted.position(), available.subtract(wanted.quantity()));
            InvoiceLine original = priced.get(wanted.position() - 1);
            InvoiceLine part = InvoiceLine.of(
                    original.sku,
                    original.description,
                    wanted.quantity(),
                    original.unit,
                    original.unitPrice,
                    original.discountPercent,
                    original.vatRate,
                    original.taxTreatment,
                    original.taxReason);
            credit.lines.add(CreditLine.of(wanted.position(), part));
            creditedNet = creditedNet.add(part.netAmount);
        }
        DocumentDiscount discount = invoice.discount();
        if (discount != null) {
            // The lines were sold with the document discount: they are credited at the price paid, i.e. with their
            // share of it (§10 (1) UStG, the discount reduced the taxable amount).
            BigDecimal linesNet = invoice.totals().lineTotal();
            credit.discountPercent = discount.percent();
            credit.discountAmount = discount.amount().multiply(creditedNet).divide(linesNet, 2, RoundingMode.HALF_UP);
            credit.discountReason = discount.reason();
        }
    }

    /** Net amounts of the invoice's VAT rates (a price reduction), each a line of the credit note. */
    private static void creditAmounts(
            Invoice invoice, List<PartialCreditRequest.Amount> requested, PartialCredit credit) {
        for (int i = 0; i < requested.size(); i++) {
            PartialCreditRequest.Amount wanted = requested.get(i);
            List<InvoiceLine> atRate = invoice.lines.stream()
                    .filter(line -> !line.isText())
                    .filter(line -> line.vatRate.compareTo(wanted.vatRate()) == 0)
                    .filter(line -> wanted.taxTreatment() == null || line.taxTreatment == wanted.taxTreatment())
                    .toList();
            if (atRate.isEmpty()) {
                throw new InvalidFieldProblem(
                        wanted.taxTreatment() == null
                                ? "amounts[" + i + "].vatRate"
                                : "amounts[" + i + "].taxTreatment",
                        "invoice " + invoice.invoiceNumber + " has no line at "
                                + wanted.vatRate().stripTrailingZeros().toPlainString() + " %"
                                + (wanted.taxTreatment() == null ? "" : " " + wanted.taxTreatment()));
            }
            if (atRate.stream().map(line -> line.taxTreatment).distinct().count() > 1) {
                throw new InvalidFieldProblem(
                        "amounts[" + i + "].taxTreatment",
                        "invoice " + invoice.invoiceNumber + " has this rate under more than one tax treatment:"
                                + " name it");
            }
            InvoiceLine first = atRate.get(0);
            String description =
                    wanted.description() == null || wanted.description().isBlank()
                            ? credit.reason
                            : wanted.description().strip();
            InvoiceLine line = InvoiceLine.of(
                    null,
                    description,
                    BigDecimal.ONE,
                    null,
                    wanted.netAmount(),
                    BigDecimal.ZERO,
                    first.vatRate,
                    first.taxTreatment,
                    first.taxReason);
            credit.lines.add(CreditLine.of(null, line));
        }
    }

    /**
     * Per VAT rate and treatment, the credits may not exceed what the invoice billed at that rate: otherwise the credit
     * note would take back VAT that was never charged.
     */
    private static void requireWithinRates(
            Invoice invoice, List<PartialCredit> earlier, InvoiceTotals totals, String field) {
        Map<Group, BigDecimal> left = new HashMap<>();
        for (InvoiceTotals.VatSubtotal billed : invoice.billedBreakdown()) {
            left.merge(Group.of(billed.rate(), billed.treatment()), billed.taxableAmount(), BigDecimal::add);
        }
        for (PartialCredit before : earlier) {
            for (InvoiceTotals.VatSubtotal group : before.totals().vatBreakdown()) {
                left.merge(
                        Group.of(group.rate(), group.treatment()),
                        group.taxableAmount().negate(),
                        BigDecimal::add);
            }
        }
        for (InvoiceTotals.VatSubtotal group : totals.vatBreakdown()) {
            BigDecimal available =
                    Objects.requireNonNullElse(left.get(Group.of(group.rate(), group.treatment())), BigDecimal.ZERO);
            if (group.taxableAmount().compareTo(available) > 0) {
                throw new ConflictProblem(
                        field,
                        "a credit of " + group.taxableAmount() + " net at "
                                + group.rate().stripTrailingZeros().toPlainString() + " % exceeds the " + available
                                + " net invoice " + invoice.invoiceNumber + " has left to credit at that rate");
            }
        }
    }

    /** The same lock {@link Payments} takes: one customer's credit is changed by one transaction at a time. */
    private void lockCredit(UUID customerId) {
        entityManager.flush();
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits())
                .getSingleResult();
    }

    /** The credits of an invoice, oldest first. */
    public List<PartialCredit> of(UUID invoiceId) {
        if (Invoice.findById(invoiceId) == null) {
            throw new NotFoundProblem("invoice", invoiceId);
        }
        return new ArrayList<>(PartialCredit.of(invoiceId));
    }
}
