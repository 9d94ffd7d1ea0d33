package io.kontor.accounting.invoice;

/** Life cycle of an invoice (API.md); only a DRAFT may change, everything after issuing is a new fact. */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    PARTIALLY_PAID,
    PAID,
    CANCELLED;

    /** Whether the customer still owes (part of) the invoice. */
    public boolean isReceivable() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
