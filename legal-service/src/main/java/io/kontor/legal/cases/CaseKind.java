package io.kontor.legal.cases;

/**
 * What a matter is about: collecting a claim (court dunning procedure, §§688 ff. ZPO, or an agency), a customer's
 * dispute of an invoice, labour law (a dismissal watched for an action under §4 KSchG), anything else.
 */
public enum CaseKind {
    COLLECTION,
    INVOICE_DISPUTE,
    LABOUR_LAW,
    OTHER
}
