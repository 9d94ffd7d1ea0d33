package io.kontor.accounting.bank;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.InvoiceNumberInText;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Invoices as the matcher sees them while one chunk of a statement is imported (#23): the invoices the chunk's
 * end-to-end references and remittance texts name, loaded and row-locked in one query; receivable ones by their total
 * open amount on the indexed {@code open_total} column, read as the few columns the matcher needs.
 */
final class ChunkInvoices implements PaymentMatcher.Invoices {

    private static final List<InvoiceStatus> OPEN = List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);

    private final EntityManager entityManager;
    private final Map<String, Invoice> locked;
    private final Map<UUID, Invoice> lockedById = new HashMap<>();

    private ChunkInvoices(EntityManager entityManager, Map<String, Invoice> locked) {
        this.entityManager = entityManager;
        this.locked = locked;
        locked.values().forEach(invoice -> lockedById.put(invoice.id, invoice));
    }

    /**
     * Loads and locks the invoices {@code chunk} names, in id order (so that two imports lock in the same order), in
     * one query instead of one query and one lock per entry. They stay in the persistence context with their lock, and
     * booking takes them from here ({@link #locked(UUID)}) instead of locking them again.
     */
    static ChunkInvoices lockNamedIn(EntityManager entityManager, List<StatementEntry> chunk) {
        Set<String> numbers = new HashSet<>();
        for (StatementEntry entry : chunk) {
            numbers.addAll(InvoiceNumberInText.in(entry.endToEndId()));
            numbers.addAll(InvoiceNumberInText.in(entry.remittance()));
        }
        Map<String, Invoice> byNumber = new HashMap<>();
        if (!numbers.isEmpty()) {
            for (Invoice invoice : entityManager
                    .createQuery("from Invoice i where i.invoiceNumber in :numbers order by i.id", Invoice.class)
                    .setParameter("numbers", numbers)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()) {
                byNumber.put(invoice.invoiceNumber, invoice);
            }
        }
        return new ChunkInvoices(entityManager, byNumber);
    }

    /** The invoice with this id if this chunk holds it locked, else empty (an invoice matched by its amount). */
    Optional<Invoice> locked(UUID invoiceId) {
        return Optional.ofNullable(lockedById.get(invoiceId));
    }

    @Override
    public Optional<PaymentMatcher.Candidate> byNumber(String invoiceNumber) {
        // Every number the chunk names was looked up when it was locked: absent there is absent.
        return Optional.ofNullable(locked.get(invoiceNumber)).map(ChunkInvoices::candidate);
    }

    @Override
    public List<PaymentMatcher.Candidate> byOpenAmount(BigDecimal amount, String currency) {
        // The open amount in the table must include what this chunk booked so far (the import flushes at commit).
        entityManager.flush();
        return entityManager
                .createQuery(
                        "select i.id, i.invoiceNumber, i.buyer.name, i.openTotal, i.customerId from Invoice i"
                                + " where i.status in :open and i.currency = :currency and i.openTotal = :amount",
                        Object[].class)
                .setParameter("open", OPEN)
                .setParameter("currency", currency)
                .setParameter("amount", amount)
                .getResultList()
                .stream()
                .map(row -> new PaymentMatcher.Candidate(
                        (UUID) row[0], (String) row[1], (String) row[2], true, (BigDecimal) row[3], currency, (UUID)
                                row[4]))
                .toList();
    }

    private static PaymentMatcher.Candidate candidate(Invoice invoice) {
        boolean payable = invoice.status.isReceivable() || invoice.status == InvoiceStatus.PAID;
        return new PaymentMatcher.Candidate(
                invoice.id,
                invoice.invoiceNumber,
                invoice.buyer.name,
                payable,
                invoice.openClaim().total(),
                invoice.currency,
                invoice.customerId);
    }
}
