package io.kontor.accounting.payment;

import io.kontor.accounting.dunning.DunningCharges;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.payment.Payments.Received;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The customer's credit used: set off against due invoices (§387 BGB) or paid back. One customer's credit is used by
 * one transaction at a time.
 */
@ApplicationScoped
public class CustomerCredits {

    private static final Logger LOG = Logger.getLogger(CustomerCredits.class);

    @Inject
    PaymentPosting posting;

    @Inject
    BusinessCalendar calendar;

    @Inject
    DunningCharges dunning;

    @Inject
    EntityManager entityManager;

    /**
     * Sets the customer's credit off against its due invoices (§387 BGB: our claim must be due), in the order of §366
     * (2) BGB. Logged and booked like a payment of source CREDIT_SET_OFF. Answers the set-offs booked.
     */
    @Transactional
    public List<BookedPayment> setOffAgainstDueInvoices(UUID customerId, LocalDate on) {
        lockCredit(customerId);
        List<BookedPayment> booked = new ArrayList<>();
        for (Invoice candidate : ClaimOrder.sorted(posting.openInvoicesOf(customerId), on)) {
            if (candidate.dueDate == null || candidate.dueDate.isAfter(on)) {
                continue;
            }
            if (CustomerCredit.totalOf(customerId).signum() <= 0) {
                break;
            }
            setOff(posting.lockedInvoice(candidate.id), on).ifPresent(booked::add);
        }
        return booked;
    }

    /** Sets the customer's credit off against this invoice (locked by the caller), as far as it goes. */
    @Transactional
    public Optional<BookedPayment> setOff(Invoice invoice, LocalDate on) {
        lockCredit(invoice.customerId);
        BigDecimal credit = CustomerCredit.totalOf(invoice.customerId);
        if (credit.signum() <= 0 || !invoice.status.isReceivable()) {
            return Optional.empty();
        }
        dunning.bringUpTo(invoice, on);
        BigDecimal amount = credit.min(invoice.openClaim().total());
        if (amount.signum() <= 0) {
            return Optional.empty();
        }
        BookedPayment booked = posting.post(
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
        return Optional.of(booked);
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

    /** One customer's credit is used by one transaction at a time: a credit must not be set off twice. */
    void lockCredit(UUID customerId) {
        // What follows reads the credit and the open invoices from the table: it must see this transaction's bookings,
        // also where the caller runs with FlushModeType.COMMIT (the bank statement import).
        entityManager.flush();
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits())
                .getSingleResult();
    }
}
