package io.kontor.sales.product;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Something sales offers, with its list price (net, EUR) and VAT rate. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "sku", nullable = false, unique = true, length = 64)
    public String sku;

    @Column(name = "name", nullable = false, length = 200)
    public String name;
    /** Net list price per unit. */
    @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
    public BigDecimal unitPrice;
    /** Percent: 19, 7 or 0. */
    @Column(name = "vat_rate", nullable = false)
    public int vatRate;
    /** Goods or a service: decides the tax treatment of the line abroad (§3, §3a, §6a UStG). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 10)
    public io.kontor.platform.events.sales.SupplyKind kind;
    /** What one quantity is: "h", "day", "piece", ... */
    @Column(name = "unit", nullable = false, length = 20)
    public String unit;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** False once withdrawn from sale: no new offer or template may use it. */
    @Column(name = "active", nullable = false)
    public boolean active = true;

    public static Optional<Product> bySku(String sku) {
        return find("sku", sku).firstResultOptional();
    }
}
