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

    @Column(nullable = false, unique = true, length = 64)
    public String sku;

    @Column(nullable = false, length = 200)
    public String name;
    /** Net list price per unit. */
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal unitPrice;
    /** Percent: 19, 7 or 0. */
    @Column(nullable = false)
    public int vatRate;
    /** Goods or a service: decides the tax treatment of the line abroad (§3, §3a, §6a UStG). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 10)
    public io.kontor.platform.events.sales.SupplyKind kind;
    /** What one quantity is: "h", "day", "piece", ... */
    @Column(nullable = false, length = 20)
    public String unit;

    @Column(nullable = false)
    public Instant createdAt;
    /** False once withdrawn from sale: no new offer or template may use it. */
    @Column(nullable = false)
    public boolean active = true;

    public static Optional<Product> bySku(String sku) {
        return find("sku", sku).firstResultOptional();
    }
}
