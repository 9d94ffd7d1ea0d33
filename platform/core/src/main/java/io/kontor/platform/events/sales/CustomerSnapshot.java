package io.kontor.platform.events.sales;

/** The customer's billing data at the moment of an event, denormalised into it on purpose. */
public record CustomerSnapshot(
        String customerNumber,
        String name,
        CustomerType type,
        String email,
        String vatId,
        int paymentTermDays,
        Address billingAddress) {}
