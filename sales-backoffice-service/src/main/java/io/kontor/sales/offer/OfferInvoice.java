package io.kontor.sales.offer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.UUID;

/** An invoice accounting issued for the offer, as far as sales follows it. */
@Embeddable
public class OfferInvoice {

    public enum Status {
        ISSUED,
        PAID,
        CANCELLED
    }

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(name = "invoice_number", nullable = false, length = 30)
    public String invoiceNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    public Status status;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;
}
