package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.util.UUID;

/** The customer declined an offer. */
@EventType(value = OfferRejected.TYPE, topic = OfferRejected.TOPIC)
public record OfferRejected(UUID offerId, String offerNumber, UUID customerId, String reason) implements DomainEvent {

    public static final String TYPE = "kontor.sales.offer-rejected.v1";
    public static final String TOPIC = "sales.offers";

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
