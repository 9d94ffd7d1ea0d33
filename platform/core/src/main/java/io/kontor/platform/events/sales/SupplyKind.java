package io.kontor.platform.events.sales;

/**
 * What is sold: goods (Lieferung, §3 (1) UStG) or a service (sonstige Leistung, §3 (9) UStG). The place of supply, and
 * so whether German VAT is owed, follows different rules for each (§3 (6)/(8) and §6a UStG for goods, §3a for
 * services).
 */
public enum SupplyKind {
    GOODS,
    SERVICE
}
