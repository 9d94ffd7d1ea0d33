package io.kontor.accounting.bank;

import java.util.List;

/**
 * The booked debits of an imported statement that are no returns: outgoing payments, fired by the import after it
 * booked the credits, for accounts payable to settle the supplier invoices they paid. The import itself books no
 * debits.
 */
public record DebitEntries(List<StatementEntry> entries) {}
