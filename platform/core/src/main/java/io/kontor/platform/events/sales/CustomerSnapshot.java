package io.kontor.platform.events.sales;

/**
 * The customer's billing data at the moment of an event, denormalised into it on purpose. {@code buyerReference} is the
 * customer's own reference for invoices to them (BT-10, the Leitweg-ID of a public buyer); null when they have none.
 */
public record CustomerSnapshot(
        String customerNumber,
        String name,
        CustomerType type,
        String email,
        String vatId,
        int paymentTermDays,
        Address billingAddress,
        String buyerReference) {

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
