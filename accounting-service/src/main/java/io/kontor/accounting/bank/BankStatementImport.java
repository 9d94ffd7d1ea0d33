package io.kontor.accounting.bank;

import io.kontor.accounting.AccountingCalendar;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.BookedPayment;
import io.kontor.accounting.payment.Payment;
import io.kontor.accounting.payment.Payments;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
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
 * Imports a camt.053 statement in one transaction: every new credit entry is matched and booked, or put in the
 * clearing list; entries imported before are reported and left alone; debits are not receivables and are skipped.
 */
@ApplicationScoped
public class BankStatementImport {

    private static final Logger LOG = Logger.getLogger(BankStatementImport.class);

    @Inject
    Payments payments;
    @Inject
    AccountingCalendar calendar;
    @Inject
    EntityManager entityManager;

    private static final int FLUSH_EVERY = 200;

    public record Result(int entries, List<Matched> matched, List<Unmatched> unmatched, List<String> alreadyImported,
            int skippedDebitsOrPending) {
    }

    public record Matched(UUID entryId, String invoiceNumber, BigDecimal amount, PaymentMatcher.MatchedBy by, UUID paymentId,
            InvoiceStatus invoiceStatus) {
    }

    public record Unmatched(UUID entryId, BigDecimal amount, String currency, String payerName, String remittance, String reason) {
    }

    /**
     * All or nothing: a statement is booked completely or not at all. A statement of a busy account can have thousands
     * of entries, hence the long timeout; the persistence context is flushed and cleared every {@value #FLUSH_EVERY}
     * entries, so that its dirty checking does not grow with the statement.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Result importStatement(List<StatementEntry> entries) {
        List<Matched> matched = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        List<String> known = new ArrayList<>();
        Set<String> keysInThisStatement = new HashSet<>();
        int skipped = 0;
        int processed = 0;
        PaymentMatcher.Invoices invoices = new StoredInvoices();
        for (StatementEntry entry : entries) {
            if (!entry.credit() || !entry.booked()) {
                skipped++;
                continue;
            }
            if (!keysInThisStatement.add(entry.entryKey()) || BankEntry.count("entryKey", entry.entryKey()) > 0) {
                known.add(entry.entryKey());
                continue;
            }
            BankEntry bankEntry = BankEntry.of(entry, calendar.now());
            PaymentMatcher.Decision decision = PaymentMatcher.match(entry, invoices);
            if (decision.matched()) {
                BookedPayment booked = book(entry, decision.invoice().invoiceId());
                bankEntry.matched(decision.by(), decision.invoice().invoiceId(), decision.invoice().invoiceNumber(), booked.id());
                matched.add(new Matched(bankEntry.id, booked.invoiceNumber(), entry.amount(), decision.by(), booked.id(),
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
        LOG.infof("bank statement: %d entries, %d matched, %d to clearing, %d imported before, %d debits or not booked",
                entries.size(), matched.size(), unmatched.size(), known.size(), skipped);
        return new Result(entries.size(), matched, unmatched, known, skipped);
    }

    /** The clearing list, oldest first. */
    public List<Unmatched> clearing() {
        return BankEntry.<BankEntry>list("status = ?1 order by importedAt, id", BankEntry.Status.UNMATCHED).stream()
                .map(BankStatementImport::unmatchedOf).toList();
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
        Invoice invoice = Invoice.<Invoice>find("invoiceNumber", invoiceNumber).firstResultOptional()
                .orElseThrow(() -> new InvalidFieldProblem("invoiceNumber", "no invoice " + invoiceNumber + " is known"));
        if (!invoice.currency.equals(entry.currency)) {
            throw new InvalidFieldProblem("invoiceNumber", invoiceNumber + " is in " + invoice.currency + ", the entry in " + entry.currency);
        }
        BookedPayment booked = payments.book(invoice.id, new Payments.Received(entry.amount, entry.valueDate, entry.payerName,
                entry.remittance, Payment.Source.BANK_STATEMENT));
        entry.matched(PaymentMatcher.MatchedBy.BY_HAND, invoice.id, invoice.invoiceNumber, booked.id());
        return new Matched(entry.id, invoice.invoiceNumber, entry.amount, PaymentMatcher.MatchedBy.BY_HAND, booked.id(),
                booked.invoiceStatus());
    }

    private BookedPayment book(StatementEntry entry, UUID invoiceId) {
        return payments.book(invoiceId, new Payments.Received(entry.amount(), entry.valueDate(), entry.payerName(),
                entry.remittance() == null ? null : entry.remittance().substring(0, Math.min(500, entry.remittance().length())),
                Payment.Source.BANK_STATEMENT));
    }

    private static Unmatched unmatchedOf(BankEntry entry) {
        return new Unmatched(entry.id, entry.amount, entry.currency, entry.payerName, entry.remittance, entry.reason);
    }

    /** Invoices as the matcher sees them: issued ones by number, receivable ones by their total open amount. */
    private static final class StoredInvoices implements PaymentMatcher.Invoices {

        @Override
        public Optional<PaymentMatcher.Candidate> byNumber(String invoiceNumber) {
            return Invoice.<Invoice>find("invoiceNumber", invoiceNumber).firstResultOptional().map(StoredInvoices::candidate);
        }

        @Override
        public List<PaymentMatcher.Candidate> byOpenAmount(BigDecimal amount, String currency) {
            return Invoice.<Invoice>list("""
                    status in ?1 and currency = ?2
                    and grossTotal - paidAmount + feesCharged - feesPaid + interestCharged - interestPaid = ?3""",
                    List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID), currency, amount).stream()
                    .map(StoredInvoices::candidate).toList();
        }

        private static PaymentMatcher.Candidate candidate(Invoice invoice) {
            boolean payable = invoice.status.isReceivable() || invoice.status == InvoiceStatus.PAID;
            return new PaymentMatcher.Candidate(invoice.id, invoice.invoiceNumber, invoice.buyer.name, payable,
                    invoice.openClaim().total(), invoice.currency);
        }
    }
}
