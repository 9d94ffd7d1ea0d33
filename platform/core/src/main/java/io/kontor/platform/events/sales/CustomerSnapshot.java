package io.kontor.platform.events.sales;

/**
 * The customer's billing data at the moment of an event, denormalised into it on purpose. {@code buyerReference} is the
 * customer's own reference for invoices to them (BT-10, the Leitweg-ID of a public buyer); null when they have none.
 * {@code invoiceEmail}: where invoices and dunning notices go (the accounts-payable mailbox), null when to
 * {@code email}.
 */
public record CustomerSnapshot(
        String customerNumber,
        String name,
        CustomerType type,
        String email,
        String vatId,
        int paymentTermDays,
        Address billingAddress,
        String buyerReference,
        String invoiceEmail) {

    public CustomerSnapshot(
            String customerNumber,
            String name,
            CustomerType type,
            String email,
            String vatId,
            int paymentTermDays,
            Address billingAddress,
            String buyerReference) {
        this(customerNumber, name, type, email, vatId, paymentTermDays, billingAddress, buyerReference, null);
    }

    public CustomerSnapshot(
            String customerNumber,
            String name,
            CustomerType type,
            String email,
            String vatId,
            int paymentTermDays,
            Address billingAddress) {
        this(customerNumber, name, type, email, vatId, paymentTermDays, billingAddress, null);
    }
}
