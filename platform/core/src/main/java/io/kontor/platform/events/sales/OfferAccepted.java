package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer accepted an offer: accounting bills it (at once, or per milestone), project-office opens a project. It
 * carries the customer as sales knows it at acceptance, so that billing never waits for, or calls back to, sales.
 */
@EventType(value = OfferAccepted.TYPE, topic = OfferAccepted.TOPIC)
public record OfferAccepted(
        UUID offerId,
        String offerNumber,
        int revision,
        UUID customerId,
        CustomerSnapshot customer,
        BillingMode billing,
        String currency,
        List<OfferLine> lines,
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        Instant acceptedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.sales.offer-accepted.v1";
    public static final String TOPIC = "sales.offers";

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
