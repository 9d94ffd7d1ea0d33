package io.kontor.sales.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What accounting reports of an offer's invoices (issued, paid, unpaid again, cancelled), kept with the offer. */
@ApplicationScoped
public class OfferInvoicing {

    @Inject
    Clock clock;

    /** The offer accounting invoiced, locked; null when the invoice is not about an offer of this service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Offer invoiced(UUID offerId) {
        return offerId == null
                ? null
                : Offer.<Offer>findByIdOptional(offerId, LockModeType.PESSIMISTIC_WRITE)
                        .orElse(null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void invoiceIssued(Offer offer, UUID invoiceId, String invoiceNumber) {
        offer.invoiceIssued(invoiceId, invoiceNumber, Instant.now(clock));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void invoicePaid(Offer offer, UUID invoiceId, String invoiceNumber) {
        offer.invoicePaid(invoiceId, invoiceNumber, Instant.now(clock));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void invoiceUnpaid(Offer offer, UUID invoiceId, String invoiceNumber) {
        offer.invoiceUnpaid(invoiceId, invoiceNumber, Instant.now(clock));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void invoiceCancelled(Offer offer, UUID invoiceId, String invoiceNumber) {
        offer.invoiceCancelled(invoiceId, invoiceNumber, Instant.now(clock));
    }
}
