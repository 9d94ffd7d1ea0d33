package io.kontor.accounting.payables;

/** What was received. */
public enum DocumentKind {
    XRECHNUNG_CII,
    XRECHNUNG_UBL,
    /** A hybrid PDF/A-3 with the CII XML embedded (ZUGFeRD 2 / Factur-X). */
    ZUGFERD_PDF,
    /** A PDF without invoice XML: an "other invoice" (sonstige Rechnung) whose data a person enters. */
    OTHER_PDF
}
