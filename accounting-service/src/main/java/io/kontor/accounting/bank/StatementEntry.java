package io.kontor.accounting.bank;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One booked movement of a bank statement, whatever camt.053 version it came in. {@code entryKey} identifies it across
 * imports: the bank's own reference for the entry (AcctSvcrRef) where it gives one, else statement id and position.
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
        String remittance) {}
