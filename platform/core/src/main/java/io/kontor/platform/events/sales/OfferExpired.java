package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.time.LocalDate;
import java.util.UUID;

/** An offer passed its validity date without an answer. */
@EventType(value = OfferExpired.TYPE, topic = OfferExpired.TOPIC)
public record OfferExpired(UUID offerId, String offerNumber, UUID customerId, LocalDate validUntil)
        implements DomainEvent {

    public static final String TYPE = "kontor.sales.offer-expired.v1";
    public static final String TOPIC = "sales.offers";

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
