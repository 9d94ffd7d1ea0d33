package io.kontor.platform.events.sales;

/** B2B or B2C: decides VAT-id rules and the default-interest rate of §288 BGB. */
public enum CustomerType {
    BUSINESS,
    CONSUMER
}
