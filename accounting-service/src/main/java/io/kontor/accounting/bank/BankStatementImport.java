package io.kontor.accounting.bank;

import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Imports a camt.053 statement: every new credit entry is matched ({@link PaymentMatcher} over {@link ChunkInvoices})
 * and booked ({@link EntryBooking}), or put in the {@link ClearingList}; entries imported before are reported and left
 * alone; returns reverse what they take back ({@link Chargebacks}); other debits go to accounts payable.
 */
@ApplicationScoped
public class BankStatementImport {

    private static final Logger LOG = Logger.getLogger(BankStatementImport.class);

    @Inject
    EntryBooking booking;

    @Inject
    Chargebacks chargebacks;

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
            UUID entryId, BigDecimal amount, String currency, String payerName, String remittance, String reason) {

        static Unmatched of(BankEntry entry) {
            return new Unmatched(
                    entry.id, entry.amount, entry.currency, entry.payerName, entry.remittance, entry.reason);
        }
    }

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
            QuarkusTransaction.requiringNew()
                    .call(() -> this.chargebacks.chargeBack(chargeback))
                    .ifPresentOrElse(progress.returns::add, () -> progress.known.add(chargeback.entryKey()));
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
        ChunkInvoices invoices = ChunkInvoices.lockNamedIn(entityManager, chunk);
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
                returns.add(Unmatched.of(bankEntry));
                continue;
            }
            PaymentMatcher.Decision decision = PaymentMatcher.match(entry, invoices);
            if (decision.matched()) {
                matched.add(booking.book(entry, bankEntry, decision, invoices));
            } else {
                bankEntry.unmatched(decision.reason());
                clearing.waiting(bankEntry);
                unmatched.add(Unmatched.of(bankEntry));
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
}
