package io.kontor.platform.events.sales;

/** How an accepted offer is billed: one invoice at once, or one per completed project milestone. */
public enum BillingMode {
    ON_ACCEPTANCE,
    MILESTONES
}
