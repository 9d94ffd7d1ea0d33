package io.kontor.accounting.bank;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.BookedPayment;
import io.kontor.accounting.payment.Payment;
import io.kontor.accounting.payment.Payments;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Imports a camt.053 statement: every new credit entry is matched and booked, or put in the clearing list; entries
 * imported before are reported and left alone; debits are not receivables and are skipped.
 */
@ApplicationScoped
public class BankStatementImport {

    private static final Logger LOG = Logger.getLogger(BankStatementImport.class);

    @Inject
    Payments payments;

    @Inject
    BusinessCalendar calendar;

    @Inject
    EntityManager entityManager;

    /** Entries booked per transaction. */
    private static final int CHUNK = 500;
    /**
     * Within a chunk, the persistence context is flushed and cleared this often, so that its dirty checking stays
     * small.
     */
    private static final int FLUSH_EVERY = 100;

    public record Result(
            int entries,
            List<Matched> matched,
            List<Unmatched> unmatched,
            List<String> alreadyImported,
            int skippedDebitsOrPending) {}

    public record Matched(
            UUID entryId,
            String invoiceNumber,
            BigDecimal amount,
            PaymentMatcher.MatchedBy by,
            UUID paymentId,
            InvoiceStatus invoiceStatus) {}

    public record Unmatched(
            UUID entryId, BigDecimal amount, String currency, String payerName, String remittance, String reason) {}

    /** What the chunks found so far. */
    private static final class Progress {
        final List<Matched> matched = new ArrayList<>();
        final List<Unmatched> unmatched = new ArrayList<>();
        final List<String> known = new ArrayList<>();
        final Set<String> keysInThisStatement = new HashSet<>();
    }

    /**
     * Books the statement in transactions of {@value #CHUNK} entries. A statement of up to {@value #CHUNK} credit
     * entries is thus booked completely or not at all; a larger one chunk by chunk. That is safe because every entry is
     * booked at most once (its entry key is unique): should a chunk fail, the chunks before it stay booked, and
     * importing the same statement again books exactly the rest. One transaction for a whole statement was the first
     * design; at 100,000 entries it ran past any sensible timeout and held the row locks of all matched invoices - and
     * the events of every payment - until its end, blocking manual payments and the dunning run for the time of the
     * import.
     */
    public Result importStatement(List<StatementEntry> entries) {
        Progress progress = new Progress();
        List<StatementEntry> credits = new ArrayList<>();
        for (StatementEntry entry : entries) {
            if (entry.credit() && entry.booked()) {
                credits.add(entry);
            }
        }
        int skipped = entries.size() - credits.size();
        for (int from = 0; from < credits.size(); from += CHUNK) {
            List<StatementEntry> chunk = credits.subList(from, Math.min(from + CHUNK, credits.size()));
            QuarkusTransaction.requiringNew().timeout(300).run(() -> importChunk(chunk, progress));
        }
        LOG.infof(
                "bank statement: %d entries, %d matched, %d to clearing, %d imported before, %d debits or not booked",
                entries.size(), progress.matched.size(), progress.unmatched.size(), progress.known.size(), skipped);
        return new Result(entries.size(), progress.matched, progress.unmatched, progress.known, skipped);
    }

    private void importChunk(List<StatementEntry> chunk, Progress progress) {
        // Entry keys imported before, with one query per chunk rather than one per entry.
        Set<String> importedBefore = new HashSet<>(entityManager
                .createQuery("select e.entryKey from BankEntry e where e.entryKey in :keys", String.class)
                .setParameter(
                        "keys", chunk.stream().map(StatementEntry::entryKey).toList())
                .getResultList());
        PaymentMatcher.Invoices invoices = new StoredInvoices();
        List<Matched> matched = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        List<String> known = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int processed = 0;
        for (StatementEntry entry : chunk) {
            if (importedBefore.contains(entry.entryKey())
                    || progress.keysInThisStatement.contains(entry.entryKey())
                    || !keys.add(entry.entryKey())) {
                known.add(entry.entryKey());
                continue;
            }
            BankEntry bankEntry = BankEntry.of(entry, calendar.now());
            PaymentMatcher.Decision decision = PaymentMatcher.match(entry, invoices);
            if (decision.matched()) {
                BookedPayment booked = book(entry, decision.invoice().invoiceId());
                bankEntry.matched(
                        decision.by(),
                        decision.invoice().invoiceId(),
                        decision.invoice().invoiceNumber(),
                        booked.id());
                matched.add(new Matched(
                        bankEntry.id,
                        booked.invoiceNumber(),
                        entry.amount(),
                        decision.by(),
                        booked.id(),
                        booked.invoiceStatus()));
            } else {
                bankEntry.unmatched(decision.reason());
                unmatched.add(unmatchedOf(bankEntry));
            }
            bankEntry.persist();
            if (++processed % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        // Counted only once the chunk is written: a chunk that fails adds nothing to the result.
        entityManager.flush();
        entityManager.clear();
        progress.keysInThisStatement.addAll(keys);
        progress.matched.addAll(matched);
        progress.unmatched.addAll(unmatched);
        progress.known.addAll(known);
    }

    /** The clearing list, oldest first. */
    public List<Unmatched> clearing() {
        return BankEntry.<BankEntry>list("status = ?1 order by importedAt, id", BankEntry.Status.UNMATCHED).stream()
                .map(BankStatementImport::unmatchedOf)
                .toList();
    }

    /** Assigns an entry of the clearing list to an invoice by hand and books it. */
    @Transactional
    public Matched assign(UUID entryId, String invoiceNumber) {
        BankEntry entry = BankEntry.findById(entryId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw new NotFoundProblem("clearing entry", entryId);
        }
        if (entry.status != BankEntry.Status.UNMATCHED) {
            throw new ConflictProblem("entry " + entryId + " is already booked against " + entry.invoiceNumber);
        }
        Invoice invoice = Invoice.<Invoice>find("invoiceNumber", invoiceNumber)
                .firstResultOptional()
                .orElseThrow(
                        () -> new InvalidFieldProblem("invoiceNumber", "no invoice " + invoiceNumber + " is known"));
        if (!invoice.currency.equals(entry.currency)) {
            throw new InvalidFieldProblem(
                    "invoiceNumber", invoiceNumber + " is in " + invoice.currency + ", the entry in " + entry.currency);
        }
        BookedPayment booked = payments.book(
                invoice.id,
                new Payments.Received(
                        entry.amount,
                        entry.valueDate,
                        entry.payerName,
                        entry.remittance,
                        Payment.Source.BANK_STATEMENT));
        entry.matched(PaymentMatcher.MatchedBy.BY_HAND, invoice.id, invoice.invoiceNumber, booked.id());
        return new Matched(
                entry.id,
                invoice.invoiceNumber,
                entry.amount,
                PaymentMatcher.MatchedBy.BY_HAND,
                booked.id(),
                booked.invoiceStatus());
    }

    private BookedPayment book(StatementEntry entry, UUID invoiceId) {
        return payments.book(
                invoiceId,
                new Payments.Received(
                        entry.amount(),
                        entry.valueDate(),
                        entry.payerName(),
                        entry.remittance() == null
                                ? null
                                : entry.remittance()
                                        .substring(
                                                0,
                                                Math.min(500, entry.remittance().length())),
                        Payment.Source.BANK_STATEMENT));
    }

    private static Unmatched unmatchedOf(BankEntry entry) {
        return new Unmatched(entry.id, entry.amount, entry.currency, entry.payerName, entry.remittance, entry.reason);
    }

    /** Invoices as the matcher sees them: issued ones by number, receivable ones by their total open amount. */
    private static final class StoredInvoices implements PaymentMatcher.Invoices {

        @Override
        public Optional<PaymentMatcher.Candidate> byNumber(String invoiceNumber) {
            return Invoice.<Invoice>find("invoiceNumber", invoiceNumber)
                    .firstResultOptional()
                    .map(StoredInvoices::candidate);
        }

        @Override
        public List<PaymentMatcher.Candidate> byOpenAmount(BigDecimal amount, String currency) {
            return Invoice.<Invoice>list(
                            """
                    status in ?1 and currency = ?2
                    and grossTotal - paidAmount + feesCharged - feesPaid + interestCharged - interestPaid = ?3""", List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID), currency, amount)
                    .stream()
                    .map(StoredInvoices::candidate)
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
                    invoice.currency);
        }
    }
}
