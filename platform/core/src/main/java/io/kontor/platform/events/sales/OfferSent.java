package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An offer went out to the customer. */
@EventType(value = OfferSent.TYPE, topic = OfferSent.TOPIC)
public record OfferSent(
        UUID offerId,
        String offerNumber,
        int revision,
        UUID customerId,
        LocalDate validUntil,
        BigDecimal netTotal,
        BigDecimal grossTotal,
        String currency)
        implements DomainEvent {

    public static final String TYPE = "kontor.sales.offer-sent.v1";
    public static final String TOPIC = "sales.offers";

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
