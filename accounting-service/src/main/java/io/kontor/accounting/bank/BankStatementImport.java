package io.kontor.accounting.bank;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.BookedPayment;
import io.kontor.accounting.payment.CollectivePayments;
import io.kontor.accounting.payment.InvoiceNumberInText;
import io.kontor.accounting.payment.Payment;
import io.kontor.accounting.payment.PaymentReversals;
import io.kontor.accounting.payment.Payments;
import io.kontor.platform.events.accounting.BankEntryCleared;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
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
    CollectivePayments collective;

    @Inject
    PaymentReversals reversals;

    @Inject
    ClearingList clearing;

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
     * Imports a camt.053 statement streamed from {@code body} (#23): it is spooled to a temporary file, read once to
     * check it (well-formed, every entry readable, every account the company's) and once more to book it, each time one
     * entry at a time; nothing of the statement is held in memory but the chunk being booked. A statement that fails
     * the check is refused (400) before anything is booked.
     */
    public Result importStatement(InputStream body) {
        Path spool = null;
        try {
            spool = Files.createTempFile("camt053-", ".xml");
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            Set<String> own = ownIbans();
            try (InputStream check = new BufferedInputStream(Files.newInputStream(spool), 1 << 16)) {
                Camt053Reader.read(check, entry -> requireOwnAccount(entry, own));
            }
            try (InputStream statement = new BufferedInputStream(Files.newInputStream(spool), 1 << 16)) {
                return book(sink -> Camt053Reader.read(statement, sink));
            }
        } catch (Camt053Reader.UnreadableStatement e) {
            throw new InvalidFieldProblem("body", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool the statement", e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    LOG.warnf("could not delete the spooled statement %s: %s", spool, e.getMessage());
                }
            }
        }
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
        Set<String> own = ownIbans();
        entries.forEach(entry -> requireOwnAccount(entry, own));
        return book(entries::forEach);
    }

    private Result book(Consumer<Consumer<StatementEntry>> statement) {
        Progress progress = new Progress();
        List<StatementEntry> chunk = new ArrayList<>(CHUNK);
        List<StatementEntry> chargebacks = new ArrayList<>();
        // Booked debits that are no returns: payments we made, for accounts payable (#26).
        List<StatementEntry> outgoing = new ArrayList<>();
        int[] counts = new int[2]; // entries, skipped
        statement.accept(entry -> {
            counts[0]++;
            if (entry.credit() && entry.booked()) {
                chunk.add(entry);
                if (chunk.size() == CHUNK) {
                    bookChunk(chunk, progress);
                    chunk.clear();
                }
            } else if (!entry.credit() && entry.booked() && entry.isReturn() && entry.endToEndId() != null) {
                chargebacks.add(entry);
            } else {
                counts[1]++;
                if (!entry.credit() && entry.booked() && !entry.isReturn()) {
                    outgoing.add(entry);
                }
            }
        });
        if (!chunk.isEmpty()) {
            bookChunk(chunk, progress);
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
                counts[0], progress.matched.size(), progress.unmatched.size(), progress.known.size(), counts[1]);
        return new Result(counts[0], progress.matched, progress.unmatched, progress.known, counts[1], progress.returns);
    }

    private void bookChunk(List<StatementEntry> chunk, Progress progress) {
        List<StatementEntry> entries = List.copyOf(chunk);
        QuarkusTransaction.requiringNew().timeout(300).run(() -> importChunk(entries, progress));
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
    private Set<String> ownIbans() {
        Set<String> own = new HashSet<>();
        for (String iban : config.ownIbans()) {
            own.add(normalized(iban));
        }
        return own;
    }

    private static void requireOwnAccount(StatementEntry entry, Set<String> own) {
        if (entry.accountIban() == null || !own.contains(normalized(entry.accountIban()))) {
            throw new InvalidFieldProblem(
                    "Stmt.Acct.Id.IBAN",
                    "statement " + entry.statementId() + " is of account " + entry.accountIban()
                            + ", which is not one of the company's accounts (kontor.accounting.bank.own-ibans)");
        }
    }

    private static String normalized(String iban) {
        return iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    private void importChunk(List<StatementEntry> chunk, Progress progress) {
        // Written once, at the commit (#23): under AUTO every lookup of the next entry flushed the previous entry's
        // writes one statement at a time; now the chunk's inserts and updates go out as JDBC batches. The few lookups
        // whose answer depends on this chunk's own writes (amount matching, a customer's credit) flush first.
        entityManager.setFlushMode(FlushModeType.COMMIT);
        // Entry keys imported before, with one query per chunk rather than one per entry.
        Set<String> importedBefore = new HashSet<>(entityManager
                .createQuery("select e.entryKey from BankEntry e where e.entryKey in :keys", String.class)
                .setParameter(
                        "keys", chunk.stream().map(StatementEntry::entryKey).toList())
                .getResultList());
        StoredInvoices invoices = new StoredInvoices(entityManager, lockNamedInvoices(chunk));
        List<Matched> matched = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        List<String> known = new ArrayList<>();
        List<Unmatched> returns = new ArrayList<>();
        Set<String> keys = new HashSet<>();
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
                clearing.waiting(bankEntry);
                unmatched.add(unmatchedOf(bankEntry));
            }
            if (!entityManager.contains(bankEntry)) {
                bankEntry.persist();
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

    /**
     * The invoices the chunk's end-to-end references and remittance texts name, loaded and row-locked in one query (in
     * id order, so that two imports lock in the same order), instead of one query and one lock per entry. Locked here,
     * they are in the persistence context with their lock: {@code Payments.book} finds them there and locks nothing
     * again.
     */
    private Map<String, Invoice> lockNamedInvoices(List<StatementEntry> chunk) {
        Set<String> numbers = new HashSet<>();
        for (StatementEntry entry : chunk) {
            numbers.addAll(InvoiceNumberInText.in(entry.endToEndId()));
            numbers.addAll(InvoiceNumberInText.in(entry.remittance()));
        }
        Map<String, Invoice> byNumber = new HashMap<>();
        if (numbers.isEmpty()) {
            return byNumber;
        }
        for (Invoice invoice : entityManager
                .createQuery("from Invoice i where i.invoiceNumber in :numbers order by i.id", Invoice.class)
                .setParameter("numbers", numbers)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            byNumber.put(invoice.invoiceNumber, invoice);
        }
        return byNumber;
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
    public Matched assign(UUID entryId, String invoiceNumber, List<CollectivePayments.Designation> allocations) {
        BankEntry entry = Found.lockedById(BankEntry.class, entryId, "clearing entry");
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
            CollectivePayments.CollectiveBooking booking = collective.bookCollective(null, allocations, received);
            Matched assigned = collectiveMatched(entry, PaymentMatcher.MatchedBy.BY_HAND, booking);
            clearing.cleared(entry, BankEntryCleared.ASSIGNED, assigned.invoiceNumber());
            return assigned;
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
        clearing.cleared(entry, BankEntryCleared.ASSIGNED, invoice.invoiceNumber);
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
        BankEntry entry = Found.lockedById(BankEntry.class, entryId, "bank entry");
        if (entry.status != BankEntry.Status.UNMATCHED) {
            throw new ConflictProblem("entry " + entryId + " is " + entry.status + ", not in the clearing list");
        }
        entry.notAPayment(note);
        clearing.cleared(entry, BankEntryCleared.NOT_A_PAYMENT, null);
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
        BankEntry entry = Found.lockedById(BankEntry.class, entryId, "bank entry");
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
                reversals.reverse(payment.id, "reversal of bank entry " + entry.id + ": " + reason);
            }
        }
        entry.reopened(reason);
        clearing.waiting(entry);
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
            List<CollectivePayments.Designation> designations = decision.invoices().stream()
                    .map(candidate -> new CollectivePayments.Designation(candidate.invoiceNumber(), null))
                    .toList();
            // The collective booking reads the customer's other open invoices from the table (§366 (2) BGB).
            entityManager.flush();
            return collectiveMatched(entry, decision.by(), collective.bookCollective(null, designations, received));
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
                && withinTolerance(booked.openAmount(), statementEntry.amount())
                && !lateSkonto(decision.invoice().invoiceId(), booked.openAmount())) {
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

    /**
     * A gap that is exactly the invoice's Skonto was deducted after the Skonto period: not the payer's bank charges but
     * a deduction the payer was no longer entitled to; it stays open (and is dunned).
     */
    private static boolean lateSkonto(UUID invoiceId, BigDecimal shortfall) {
        Invoice invoice = Invoice.findById(invoiceId);
        return invoice != null
                && invoice.skonto() != null
                && invoice.skonto().amount(invoice.grossTotal).compareTo(shortfall) == 0;
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
            BankEntry entry, PaymentMatcher.MatchedBy by, CollectivePayments.CollectiveBooking booking) {
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

    /**
     * Invoices as the matcher sees them: issued ones by number (from the chunk's locked invoices), receivable ones by
     * their total open amount (on the indexed {@code open_total} column).
     */
    private static final class StoredInvoices implements PaymentMatcher.Invoices {

        private final EntityManager entityManager;
        private final Map<String, Invoice> locked;

        StoredInvoices(EntityManager entityManager, Map<String, Invoice> locked) {
            this.entityManager = entityManager;
            this.locked = locked;
        }

        @Override
        public Optional<PaymentMatcher.Candidate> byNumber(String invoiceNumber) {
            // Every number the chunk names was looked up when it was locked: absent there is absent.
            return Optional.ofNullable(locked.get(invoiceNumber)).map(StoredInvoices::candidate);
        }

        @Override
        public List<PaymentMatcher.Candidate> byOpenAmount(BigDecimal amount, String currency) {
            // The open amount in the table must include what this chunk booked so far.
            entityManager.flush();
            return entityManager
                    .createQuery(
                            "from Invoice i where i.status in :open and i.currency = :currency"
                                    + " and i.openTotal = :amount",
                            Invoice.class)
                    .setParameter("open", List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID))
                    .setParameter("currency", currency)
                    .setParameter("amount", amount)
                    .getResultList()
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
