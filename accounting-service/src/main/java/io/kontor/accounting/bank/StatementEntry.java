package io.kontor.accounting.bank;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booked movement of a bank statement, whatever camt.053 version it came in. {@code entryKey} identifies it across
 * imports: the bank's own reference for the entry (AcctSvcrRef) where it gives one, else statement id and position.
 * {@code endToEndId} is the payer's reference that travels unchanged through SEPA (null when "NOTPROVIDED");
 * {@code returnInfo} is set for a return or reversal (RvslInd, RtrInf): money coming back, not a customer's payment.
 */
public record StatementEntry(
        String entryKey,
        String accountIban,
        String statementId,
        LocalDate bookingDate,
        LocalDate valueDate,
        BigDecimal amount,
        String currency,
        boolean credit,
        boolean booked,
        String payerName,
        String remittance,
        String endToEndId,
        String returnInfo) {

    public StatementEntry(
            String entryKey,
            String accountIban,
            String statementId,
            LocalDate bookingDate,
            LocalDate valueDate,
            BigDecimal amount,
            String currency,
            boolean credit,
            boolean booked,
            String payerName,
            String remittance) {
        this(
                entryKey,
                accountIban,
                statementId,
                bookingDate,
                valueDate,
                amount,
                currency,
                credit,
                booked,
                payerName,
                remittance,
                null,
                null);
    }

    /** A return or reversal of an earlier movement: never a customer's payment. */
    public boolean isReturn() {
        return returnInfo != null;
    }
}
