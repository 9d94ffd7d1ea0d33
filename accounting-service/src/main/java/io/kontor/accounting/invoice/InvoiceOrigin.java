package io.kontor.accounting.invoice;

/** Why an invoice exists: typed in by accounting, or billed for an offer that sales got accepted. */
public enum InvoiceOrigin {
    MANUAL,
    OFFER_ACCEPTANCE,
    MILESTONE
}
