package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The customer accepted an offer: accounting bills it (at once, or per milestone), project-office opens a project. It
 * carries the customer as sales knows it at acceptance, so that billing never waits for, or calls back to, sales.
 * {@code purchaseOrderReference} is the customer's order number (BT-13); {@code serviceFrom}/{@code serviceUntil} the
 * date or period of the service (§14 (4) Nr. 6 UStG), equal for one day; all null in events from before they existed.
 * {@code terms} is the AGB version the offer was sent under and the customer accepted, {@code acceptedBy} who declared
 * the acceptance (§305 (2) BGB); null in events from before legal-service existed, and {@code terms} when no AGB was in
 * force at sending. {@code discount} is the document discount (before VAT) the offer grants, or null; then
 * {@code netTotal} is the lines' sum less it.
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
        Instant acceptedAt,
        String purchaseOrderReference,
        LocalDate serviceFrom,
        LocalDate serviceUntil,
        TermsVersion terms,
        String acceptedBy,
        DocumentDiscount discount)
        implements DomainEvent {

    public static final String TYPE = "kontor.sales.offer-accepted.v1";
    public static final String TOPIC = "sales.offers";

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
