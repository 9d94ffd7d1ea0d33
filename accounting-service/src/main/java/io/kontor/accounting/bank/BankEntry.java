package io.kontor.accounting.bank;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A credit entry of an imported statement: booked against an invoice, or waiting in the clearing list. */
@Entity
@Table(name = "bank_entry")
public class BankEntry extends PanacheEntityBase {

    public enum Status {
        MATCHED,
        UNMATCHED,
        /** A return or reversal of an earlier movement (RvslInd, RtrInf): not booked as a payment. */
        RETURNED,
        /**
         * A clearing entry a person marked as no customer's payment (a transfer between own accounts, a tax refund).
         */
        NOT_A_PAYMENT
    }

    @Id
    public UUID id;

    public String entryKey;
    public String accountIban;
    public String statementId;
    public LocalDate bookingDate;
    public LocalDate valueDate;
    public BigDecimal amount;
    public String currency;
    public String payerName;
    public String remittance;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    public PaymentMatcher.MatchedBy matchedBy;

    public UUID invoiceId;
    public String invoiceNumber;
    public UUID paymentId;
    public String reason;
    public Instant importedAt;
    public String endToEndId;
    /** The receipt of a collective booking (several invoices). */
    public UUID receiptId;
    /** Why the entry was marked not a payment, or why its booking was reversed. */
    public String clearedNote;

    static BankEntry of(StatementEntry entry, Instant now) {
        BankEntry bankEntry = new BankEntry();
        bankEntry.id = UUID.randomUUID();
        bankEntry.entryKey = entry.entryKey();
        bankEntry.accountIban = entry.accountIban();
        bankEntry.statementId = entry.statementId();
        bankEntry.bookingDate = entry.bookingDate();
        bankEntry.valueDate = entry.valueDate();
        bankEntry.amount = entry.amount();
        bankEntry.currency = entry.currency();
        bankEntry.payerName = cut(entry.payerName(), 300);
        bankEntry.remittance = cut(entry.remittance(), 2000);
        bankEntry.importedAt = now;
        bankEntry.endToEndId = cut(entry.endToEndId(), 100);
        return bankEntry;
    }

    void matched(PaymentMatcher.MatchedBy by, UUID invoiceId, String invoiceNumber, UUID paymentId) {
        this.status = Status.MATCHED;
        this.matchedBy = by;
        this.invoiceId = invoiceId;
        this.invoiceNumber = invoiceNumber;
        this.paymentId = paymentId;
        this.reason = null;
    }

    void returned(String reason) {
        this.status = Status.RETURNED;
        this.reason = cut(reason, 500);
    }

    void notAPayment(String note) {
        this.status = Status.NOT_A_PAYMENT;
        this.clearedNote = cut(note, 500);
    }

    /** Back to the clearing list after its booking was reversed. */
    void reopened(String note) {
        this.status = Status.UNMATCHED;
        this.matchedBy = null;
        this.invoiceId = null;
        this.invoiceNumber = null;
        this.paymentId = null;
        this.receiptId = null;
        this.reason = cut("booking reversed: " + note, 500);
        this.clearedNote = cut(note, 500);
    }

    void unmatched(String reason) {
        this.status = Status.UNMATCHED;
        this.reason = cut(reason, 500);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
