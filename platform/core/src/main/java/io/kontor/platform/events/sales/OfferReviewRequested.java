package io.kontor.platform.events.sales;

import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sales asked to send an offer that its legal-review rules hold back (gross above a threshold, terms other than the
 * template's, long payment terms, a customer outside the EU, a large discount): it is IN_REVIEW until legal decides.
 * Carries what legal needs to review the deal without asking back: the reasons, the customer, the terms and the lines.
 */
@EventType(value = OfferReviewRequested.TYPE, topic = OfferReviewRequested.TOPIC)
public record OfferReviewRequested(
        UUID offerId,
        String offerNumber,
        int revision,
        UUID customerId,
        String customerName,
        String customerCountry,
        int paymentTermDays,
        String currency,
        BigDecimal netTotal,
        BigDecimal grossTotal,
        String termsText,
        List<OfferLine> lines,
        List<String> reasons,
        String requestedBy,
        Instant requestedAt)
        implements DomainEvent {

    public static final String TYPE = "kontor.sales.offer-review-requested.v1";
    public static final String TOPIC = "sales.offers";

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
