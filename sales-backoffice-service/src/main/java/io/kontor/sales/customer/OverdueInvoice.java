package io.kontor.sales.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An invoice of the customer that accounting reported overdue and that is not settled yet; see {@link CreditStanding}.
 */
@Entity
@Table(name = "overdue_invoice")
public class OverdueInvoice extends PanacheEntityBase {

    @Id
    public UUID invoiceId;

    @Column(nullable = false)
    public UUID customerId;

    @Column(nullable = false, length = 30)
    public String invoiceNumber;

    @Column(nullable = false)
    public int dunningLevel;

    @Column(nullable = false)
    public Instant reportedAt;

    static List<OverdueInvoice> of(UUID customerId) {
        return list("customerId", customerId);
    }
}
