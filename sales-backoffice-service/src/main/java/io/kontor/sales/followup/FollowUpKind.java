package io.kontor.sales.followup;

/** Why sales calls the customer. */
public enum FollowUpKind {
    /** Some days after the customer accepted: is the project starting well, anything missing? */
    AFTER_ACCEPTANCE,
    /** After accounting reported the invoice paid: satisfied, anything further to offer? */
    AFTER_PAYMENT,
    /** Accounting cancelled an invoice by credit note and sales had nothing planned about the deal. */
    AFTER_CANCELLATION
}
