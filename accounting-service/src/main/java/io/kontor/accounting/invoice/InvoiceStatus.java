package io.kontor.accounting.invoice;

/** Life cycle of an invoice (API.md); only a DRAFT may change, everything after issuing is a new fact. */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    PARTIALLY_PAID,
    PAID,
    CANCELLED,
    /**
     * What was still owed is lost: written off after collection failed (legal's case closed as written off or partly
     * paid). The invoice and its claim stay as they were; the write-off is a record of its own (GoBD).
     */
    WRITTEN_OFF;

    /** Whether the customer still owes (part of) the invoice. */
    public boolean isReceivable() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
