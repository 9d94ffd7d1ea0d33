package io.kontor.accounting.payables;

/** Where an incoming invoice stands. */
public enum SupplierInvoiceStatus {
    /** The XML failed validation; kept with the validator's messages, never paid. */
    REJECTED,
    /** A plain PDF ("other invoice", allowed in the transition, §27 (38) UStG): a person enters its data. */
    NEEDS_DATA,
    /** Read and checked; waits for approval. */
    RECEIVED,
    /** Approved: the next payment run due by its date pays it. */
    PAYABLE,
    /** In a payment run's SEPA file; the bank statement settles it. */
    IN_PAYMENT,
    PAID
}
