package io.kontor.accounting.invoice;

import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Invoices that facts from other services call for (an accepted offer, a completed milestone), issued at once. */
@ApplicationScoped
public class InvoiceBilling {

    private static final Logger LOG = Logger.getLogger(InvoiceBilling.class);

    @Inject
    BusinessCalendar calendar;

    @Inject
    SkontoConfig skontoConfig;

    @Inject
    InvoiceIssuing issuing;

    /**
     * Bills an accepted offer on acceptance: one invoice, issued at once. A second call for the same offer (the same
     * fact delivered under another event id) finds the first invoice instead of billing twice.
     */
    @Transactional
    public Invoice billOfferOnAcceptance(
            UUID offerId,
            UUID customerId,
            Buyer buyer,
            int paymentTermDays,
            String currency,
            List<InvoiceLine> lines,
            String purchaseOrderReference,
            LocalDate serviceFrom,
            LocalDate serviceUntil,
            DocumentDiscount discount) {
        Optional<Invoice> billed = Invoice.find("offerId = ?1 and origin = ?2", offerId, InvoiceOrigin.OFFER_ACCEPTANCE)
                .firstResultOptional();
        if (billed.isPresent()) {
            LOG.infof("offer %s is already billed by invoice %s", offerId, billed.get().invoiceNumber);
            return billed.get();
        }
        Invoice invoice = Invoice.draft(
                InvoiceOrigin.OFFER_ACCEPTANCE,
                customerId,
                offerId,
                buyer,
                paymentTermDays,
                currency,
                lines,
                calendar.now());
        invoice.serviceDuring(purchaseOrderReference, serviceFrom, serviceUntil);
        invoice.agreeSkonto(skontoConfig.terms());
        invoice.grant(discount);
        invoice.persist();
        issuing.issueNow(invoice);
        return invoice;
    }

    /**
     * What makes a milestone invoice the final one: the offer's discount, the first day of the whole service, and the
     * partial invoices to deduct.
     */
    public record FinalBilling(DocumentDiscount discount, LocalDate serviceFrom, List<Invoice> partials) {}

    @Transactional
    public Invoice billMilestone(
            UUID projectId,
            UUID milestoneId,
            UUID offerId,
            UUID customerId,
            Buyer buyer,
            int paymentTermDays,
            String currency,
            List<InvoiceLine> lines,
            String purchaseOrderReference,
            LocalDate completedOn) {
        return billMilestone(
                projectId,
                milestoneId,
                offerId,
                customerId,
                buyer,
                paymentTermDays,
                currency,
                lines,
                purchaseOrderReference,
                completedOn,
                null);
    }

    /**
     * Bills a completed milestone: one invoice per milestone, issued at once; a repeated fact finds the first. With
     * {@code finalBilling} it is the offer's final invoice.
     */
    @Transactional
    public Invoice billMilestone(
            UUID projectId,
            UUID milestoneId,
            UUID offerId,
            UUID customerId,
            Buyer buyer,
            int paymentTermDays,
            String currency,
            List<InvoiceLine> lines,
            String purchaseOrderReference,
            LocalDate completedOn,
            FinalBilling finalBilling) {
        Optional<Invoice> billed = Invoice.find(
                        "milestoneId = ?1 and origin = ?2", milestoneId, InvoiceOrigin.MILESTONE)
                .firstResultOptional();
        if (billed.isPresent()) {
            LOG.infof("milestone %s is already billed by invoice %s", milestoneId, billed.get().invoiceNumber);
            return billed.get();
        }
        Invoice invoice = Invoice.draft(
                InvoiceOrigin.MILESTONE, customerId, offerId, buyer, paymentTermDays, currency, lines, calendar.now());
        invoice.projectId = projectId;
        invoice.milestoneId = milestoneId;
        invoice.serviceDuring(purchaseOrderReference, completedOn, null);
        invoice.agreeSkonto(skontoConfig.terms());
        if (finalBilling != null) {
            // The last milestone completes the offer: the final invoice names the whole service and deducts the
            // partial invoices with their VAT (§14 (5) UStG).
            invoice.grant(finalBilling.discount());
            if (finalBilling.serviceFrom() != null
                    && !finalBilling.serviceFrom().isAfter(completedOn)) {
                invoice.serviceDuring(purchaseOrderReference, finalBilling.serviceFrom(), completedOn);
            }
            invoice.deduct(finalBilling.partials());
        }
        invoice.persist();
        issuing.issueNow(invoice);
        return invoice;
    }
}
