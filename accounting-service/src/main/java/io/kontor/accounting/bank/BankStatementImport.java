package io.kontor.accounting.bank;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.BookedPayment;
import io.kontor.accounting.payment.Payment;
import io.kontor.accounting.payment.Payments;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
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

    @Inject
    BankConfig config;

    /** Hands outgoing payments (debits) to accounts payable. */
    @Inject
    jakarta.enterprise.event.Event<DebitEntries> debits;

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
            int skippedDebitsOrPending,
            List<Unmatched> returns) {}

    public record Matched(
            UUID entryId,
            String invoiceNumber,
            BigDecimal amount,
            PaymentMatcher.MatchedBy by,
            UUID paymentId,
            InvoiceStatus invoiceStatus,
            UUID receiptId,
            BigDecimal writtenOff) {

        Matched(
                UUID entryId,
                String invoiceNumber,
                BigDecimal amount,
                PaymentMatcher.MatchedBy by,
                UUID paymentId,
                InvoiceStatus invoiceStatus) {
            this(entryId, invoiceNumber, amount, by, paymentId, invoiceStatus, null, BigDecimal.ZERO.setScale(2));
        }
    }

    public record Unmatched(
            UUID entryId, BigDecimal amount, String currency, String payerName, String remittance, String reason) {}

    /** What the chunks found so far. */
    private static final class Progress {
        final List<Matched> matched = new ArrayList<>();
        final List<Unmatched> unmatched = new ArrayList<>();
        final List<String> known = new ArrayList<>();
        final List<Unmatched> returns = new ArrayList<>();
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
        requireOwnAccounts(entries);
        Progress progress = new Progress();
        List<StatementEntry> credits = new ArrayList<>();
        List<StatementEntry> chargebacks = new ArrayList<>();
        List<StatementEntry> outgoing = new ArrayList<>();
        for (StatementEntry entry : entries) {
            if (entry.credit() && entry.booked()) {
                credits.add(entry);
            } else if (!entry.credit() && entry.booked() && entry.isReturn() && entry.endToEndId() != null) {
                chargebacks.add(entry);
            } else if (!entry.credit() && entry.booked() && !entry.isReturn()) {
                outgoing.add(entry);
            }
        }
        int skipped = entries.size() - credits.size() - chargebacks.size();
        for (int from = 0; from < credits.size(); from += CHUNK) {
            List<StatementEntry> chunk = credits.subList(from, Math.min(from + CHUNK, credits.size()));
            QuarkusTransaction.requiringNew().timeout(300).run(() -> importChunk(chunk, progress));
        }
        for (StatementEntry chargeback : chargebacks) {
            QuarkusTransaction.requiringNew().run(() -> chargeBack(chargeback, progress));
        }
        if (!outgoing.isEmpty()) {
            // Accounts payable (#26) settles the supplier invoices these paid; see payables.run.OutgoingPayments.
            debits.fire(new DebitEntries(List.copyOf(outgoing)));
        }
        LOG.infof(
                "bank statement: %d entries, %d matched, %d to clearing, %d imported before, %d debits or not booked",
                entries.size(), progress.matched.size(), progress.unmatched.size(), progress.known.size(), skipped);
        return new Result(
                entries.size(), progress.matched, progress.unmatched, progress.known, skipped, progress.returns);
    }

    /**
     * A debit that returns an earlier credit (RtrInf, RvslInd: the payer's bank took the money back) reverses the
     * booking of that credit, found by its EndToEndId and amount; the debit is recorded as RETURNED, so that importing
     * the statement again reverses nothing twice. One the import cannot place goes to the returns for a person.
     */
    private void chargeBack(StatementEntry debit, Progress progress) {
        if (BankEntry.count("entryKey", debit.entryKey()) > 0) {
            progress.known.add(debit.entryKey());
            return;
        }
        BankEntry returned = BankEntry.of(debit, calendar.now());
        BankEntry original = BankEntry.<BankEntry>find(
                        "endToEndId = ?1 and amount = ?2 and status = ?3 order by importedAt desc",
                        debit.endToEndId(),
                        debit.amount(),
                        BankEntry.Status.MATCHED)
                .firstResult();
        if (original == null) {
            returned.returned(debit.returnInfo() + ": no booked payment with EndToEndId " + debit.endToEndId()
                    + " and amount " + debit.amount() + " to take back; for a person to look at");
        } else {
            reverse(original.id, "returned by the bank, " + debit.returnInfo() + " (entry " + debit.entryKey() + ")");
            // The money is gone again: not a clearing entry waiting to be assigned.
            original.returned("taken back by the payer's bank, " + debit.returnInfo());
            returned.returned(debit.returnInfo() + ": booking of entry " + original.id + " reversed");
        }
        returned.persist();
        progress.returns.add(unmatchedOf(returned));
    }

    /**
     * A statement of an account that is not the company's is someone else's money: refused before anything is booked.
     */
    private void requireOwnAccounts(List<StatementEntry> entries) {
        Set<String> own = new HashSet<>();
        for (String iban : config.ownIbans()) {
            own.add(normalized(iban));
        }
        for (StatementEntry entry : entries) {
            if (entry.accountIban() == null || !own.contains(normalized(entry.accountIban()))) {
                throw new InvalidFieldProblem(
                        "Stmt.Acct.Id.IBAN",
                        "statement " + entry.statementId() + " is of account " + entry.accountIban()
                                + ", which is not one of the company's accounts (kontor.accounting.bank.own-ibans)");
            }
        }
    }

    private static String normalized(String iban) {
        return iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
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
        List<Unmatched> returns = new ArrayList<>();
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
            if (entry.isReturn()) {
                bankEntry.returned(entry.returnInfo() + ": money coming back, not a customer's payment");
                bankEntry.persist();
                returns.add(unmatchedOf(bankEntry));
                continue;
            }
            PaymentMatcher.Decision decision = PaymentMatcher.match(entry, invoices);
            if (decision.matched()) {
                matched.add(book(entry, bankEntry, decision));
            } else {
                bankEntry.unmatched(decision.reason());
                unmatched.add(unmatchedOf(bankEntry));
            }
            if (!entityManager.contains(bankEntry)) {
                bankEntry.persist();
            }
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
        progress.returns.addAll(returns);
    }

    /** The clearing list, oldest first. */
    public Page<Unmatched> clearing(int page, int size) {
        return Paging.page(
                BankEntry.<BankEntry>find(
                        "status = ?1", Sort.descending("importedAt", "id"), BankEntry.Status.UNMATCHED),
                page,
                size,
                BankStatementImport::unmatchedOf);
    }

    /**
     * Assigns an entry of the clearing list by hand and books it: to one invoice, or split over several
     * ({@code allocations}, §366 BGB).
     */
    @Transactional
    public Matched assign(UUID entryId, String invoiceNumber, List<Payments.Designation> allocations) {
        BankEntry entry = BankEntry.findById(entryId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw new NotFoundProblem("clearing entry", entryId);
        }
        if (entry.status != BankEntry.Status.UNMATCHED) {
            throw new ConflictProblem("entry " + entryId + " is " + entry.status
                    + (entry.invoiceNumber == null ? "" : " (booked against " + entry.invoiceNumber + ")"));
        }
        Payments.Received received = new Payments.Received(
                entry.amount,
                entry.valueDate,
                entry.payerName,
                cut(entry.remittance),
                Payment.Source.BANK_STATEMENT,
                null,
                entry.id,
                null);
        if (allocations != null && !allocations.isEmpty()) {
            Payments.CollectiveBooking booking = payments.bookCollective(null, allocations, received);
            return collectiveMatched(entry, PaymentMatcher.MatchedBy.BY_HAND, booking);
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
        BankEntry entry = BankEntry.findById(entryId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw new NotFoundProblem("bank entry", entryId);
        }
        if (entry.status != BankEntry.Status.UNMATCHED) {
            throw new ConflictProblem("entry " + entryId + " is " + entry.status + ", not in the clearing list");
        }
        entry.notAPayment(note);
        LOG.infof("bank entry %s of %s marked not a customer payment: %s", entry.id, entry.amount, note);
        return unmatchedOf(entry);
    }

    /**
     * Reverses what was done with an entry (GoBD: by reversal bookings, nothing deleted): its payments are reversed and
     * it goes back to the clearing list; an entry marked not a payment goes back too. An entry in the clearing list has
     * nothing to reverse (409), so reversing twice is refused.
     */
    @Transactional
    public Unmatched reverse(UUID entryId, String reason) {
        BankEntry entry = BankEntry.findById(entryId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw new NotFoundProblem("bank entry", entryId);
        }
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
                payments.reverse(payment.id, "reversal of bank entry " + entry.id + ": " + reason);
            }
        }
        entry.reopened(reason);
        LOG.infof("bank entry %s reversed and back in clearing: %s", entry.id, reason);
        return unmatchedOf(entry);
    }

    private Matched book(StatementEntry statementEntry, BankEntry entry, PaymentMatcher.Decision decision) {
        Payments.Received received = new Payments.Received(
                statementEntry.amount(),
                statementEntry.valueDate(),
                statementEntry.payerName(),
                cut(statementEntry.remittance()),
                Payment.Source.BANK_STATEMENT,
                null,
                entry.id,
                null);
        if (decision.by() == PaymentMatcher.MatchedBy.INVOICE_NUMBERS) {
            List<Payments.Designation> designations = decision.invoices().stream()
                    .map(candidate -> new Payments.Designation(candidate.invoiceNumber(), null))
                    .toList();
            return collectiveMatched(entry, decision.by(), payments.bookCollective(null, designations, received));
        }
        BookedPayment booked = payments.book(decision.invoice().invoiceId(), received);
        entry.matched(
                decision.by(),
                decision.invoice().invoiceId(),
                decision.invoice().invoiceNumber(),
                booked.id());
        BigDecimal writtenOff = BigDecimal.ZERO.setScale(2);
        InvoiceStatus status = booked.invoiceStatus();
        if (decision.by() != PaymentMatcher.MatchedBy.AMOUNT_AND_PAYER
                && status.isReceivable()
                && withinTolerance(booked.openAmount(), statementEntry.amount())) {
            BookedPayment writeOff = payments.writeOff(
                    decision.invoice().invoiceId(),
                    booked.openAmount(),
                    statementEntry.valueDate(),
                    config.shortPaymentReason(),
                    null);
            writtenOff = writeOff.amount();
            status = writeOff.invoiceStatus();
        }
        return new Matched(
                entry.id,
                booked.invoiceNumber(),
                statementEntry.amount(),
                decision.by(),
                booked.id(),
                status,
                null,
                writtenOff);
    }

    /** A gap of at most the configured amount, or the configured share of what was owed. */
    boolean withinTolerance(BigDecimal shortfall, BigDecimal paid) {
        if (shortfall.signum() <= 0) {
            return false;
        }
        BigDecimal owed = shortfall.add(paid);
        BigDecimal byPercent = owed.multiply(config.shortPaymentTolerancePercent())
                .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
        return shortfall.compareTo(config.shortPaymentToleranceAmount().max(byPercent)) <= 0;
    }

    private static Matched collectiveMatched(
            BankEntry entry, PaymentMatcher.MatchedBy by, Payments.CollectiveBooking booking) {
        BookedPayment first = booking.parts().isEmpty() ? null : booking.parts().get(0);
        entry.matched(
                by,
                first == null ? null : first.invoiceId(),
                first == null ? null : first.invoiceNumber(),
                first == null ? null : first.id());
        entry.receiptId = booking.receiptId();
        String numbers = String.join(
                ", ", booking.parts().stream().map(BookedPayment::invoiceNumber).toList());
        return new Matched(
                entry.id,
                numbers,
                entry.amount,
                by,
                first == null ? null : first.id(),
                first == null
                        ? null
                        : booking.parts().get(booking.parts().size() - 1).invoiceStatus(),
                booking.receiptId(),
                BigDecimal.ZERO.setScale(2));
    }

    private static String cut(String remittance) {
        return remittance == null ? null : remittance.substring(0, Math.min(500, remittance.length()));
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
                    invoice.currency,
                    invoice.customerId);
        }
    }
}
