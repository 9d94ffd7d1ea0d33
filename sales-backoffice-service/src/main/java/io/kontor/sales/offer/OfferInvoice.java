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

    @Column(nullable = false)
    public UUID invoiceId;

    @Column(nullable = false, length = 30)
    public String invoiceNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Column(nullable = false)
    public Instant linkedAt;
}
