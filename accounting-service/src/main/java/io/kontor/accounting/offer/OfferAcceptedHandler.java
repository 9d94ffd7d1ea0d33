package io.kontor.accounting.offer;

import io.kontor.accounting.AccountingConfig;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceBilling;
import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.logging.Logger;

/**
 * Bills what sales sold: an offer accepted with billing ON_ACCEPTANCE is invoiced at once, one billed by MILESTONES is
 * remembered for the milestone invoices. The event carries the customer, so billing never waits for the replica.
 */
@ApplicationScoped
@Unremovable
public class OfferAcceptedHandler {

    private static final Logger LOG = Logger.getLogger(OfferAcceptedHandler.class);

    @Inject
    InvoiceBilling billing;

    @Inject
    BusinessCalendar calendar;

    @Inject
    AccountingConfig config;

    private static final EventRoutes<OfferAcceptedHandler> ROUTES =
            EventRoutes.of(OfferAcceptedHandler.class).on(OfferAccepted.class, OfferAcceptedHandler::accepted);

    @InboxHandled(topics = "sales.offers")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void accepted(OfferAccepted accepted, EventMeta meta) {
        if (AcceptedOffer.findById(accepted.offerId()) != null) {
            LOG.infof("offer %s was accepted before; %s ignored", accepted.offerId(), meta);
            return;
        }
        AcceptedOffer offer = AcceptedOffer.of(accepted, config.currency(), calendar.now());
        offer.persist();
        if (offer.billing == BillingMode.ON_ACCEPTANCE) {
            Invoice invoice = billing.billOfferOnAcceptance(
                    offer.offerId,
                    offer.customerId,
                    offer.buyer.copy(),
                    offer.paymentTermDays,
                    offer.currency,
                    offer.invoiceLines(),
                    offer.purchaseOrderReference,
                    offer.serviceFrom,
                    offer.serviceUntil,
                    offer.discount());
            warnIfTotalsDiffer(offer, invoice);
        }
    }

    /**
     * Sales computes the same totals by the same rules; a difference is a bug to look at, not a reason to refuse the
     * sale.
     */
    private static void warnIfTotalsDiffer(AcceptedOffer offer, Invoice invoice) {
        if (differs(offer.netTotal, invoice.netTotal)
                || differs(offer.vatTotal, invoice.vatTotal)
                || differs(offer.grossTotal, invoice.grossTotal)) {
            LOG.warnf(
                    "invoice %s for offer %s: totals %s/%s/%s differ from the offer's %s/%s/%s",
                    invoice.invoiceNumber,
                    offer.offerNumber,
                    invoice.netTotal,
                    invoice.vatTotal,
                    invoice.grossTotal,
                    offer.netTotal,
                    offer.vatTotal,
                    offer.grossTotal);
        }
    }

    private static boolean differs(BigDecimal fromOffer, BigDecimal invoiced) {
        return fromOffer != null && fromOffer.compareTo(invoiced) != 0;
    }
}
