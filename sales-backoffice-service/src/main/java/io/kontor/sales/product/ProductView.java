package io.kontor.sales.product;

import io.kontor.platform.events.sales.SupplyKind;
import java.math.BigDecimal;
import java.util.UUID;

/** A product as the API shows it; prices are net, in EUR. */
public record ProductView(
        UUID id,
        String sku,
        String name,
        BigDecimal unitPrice,
        String currency,
        int vatRate,
        String unit,
        SupplyKind kind,
        boolean active) {

    public static final String CURRENCY = "EUR";

    public static ProductView of(Product product) {
        return new ProductView(
                product.id,
                product.sku,
                product.name,
                product.unitPrice,
                CURRENCY,
                product.vatRate,
                product.unit,
                product.kind,
                product.active);
    }
}
