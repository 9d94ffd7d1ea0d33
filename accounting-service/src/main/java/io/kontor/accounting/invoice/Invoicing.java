package io.kontor.accounting.invoice;

import io.kontor.accounting.AccountingConfig;
import io.kontor.accounting.customer.Customer;
import io.kontor.accounting.document.InvoiceDocuments;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.events.accounting.InvoiceCancelled;
import io.kontor.platform.events.accounting.InvoiceDisputeEscalated;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Writes and issues invoices; each operation is one transaction with the event it publishes. */
@ApplicationScoped
public class Invoicing {

    private static final Logger LOG = Logger.getLogger(Invoicing.class);

    @Inject
    InvoiceNumbers numbers;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    AccountingConfig config;

    @Inject
    CompanyProfile seller;

    @Inject
    InvoiceDocuments documents;

    @Inject
    InvoiceMail mail;

    @Inject
    SkontoConfig skontoConfig;

    /** A manual invoice to a customer of the replica, as a DRAFT; each line's tax treatment as for offers. */
    @Transactional
    public Invoice draft(DraftInvoiceRequest request) {
        UUID customerId = request.customerId();
        if (request.serviceFrom() == null && request.serviceUntil() != null) {
            throw new InvalidFieldProblem("serviceFrom", "a service period needs its first day as well");
        }
        if (request.serviceUntil() != null && request.serviceUntil().isBefore(request.serviceFrom())) {
            throw new InvalidFieldProblem(
                    "serviceUntil", "the service period ends before it starts (" + request.serviceFrom() + ")");
        }
        // The terms' own form is checked before the customer is looked up, so that a wrong value is named even when
        // the customer is unknown too; whether the days fit the customer's payment term can only be checked after.
        Skonto skonto = skonto(request);
        Customer customer = Customer.findById(customerId);
        if (customer == null) {
            throw new InvalidFieldProblem("customerId", "no customer " + customerId + " is known to accounting");
        }
        if (skonto != null && request.skontoDays() != null && skonto.days() > customer.paymentTermDays) {
            throw new InvalidFieldProblem(
                    "skontoDays", "must be within the payment term of " + customer.paymentTermDays + " days");
        }
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            DraftInvoiceRequest.Line line = request.lines().get(i);
            TaxTreatment treatment = TaxTreatments.forLine(
                    "lines[" + i + "]",
                    customer,
                    line.kind(),
                    line.taxTreatment(),
                    line.reason(),
                    seller.smallBusiness());
            lines.add(InvoiceLine.of(
                    null,
                    line.description(),
                    line.quantity(),
                    line.unit(),
                    line.unitPrice(),
                    BigDecimal.ZERO,
                    line.vatRate(),
                    treatment,
                    line.reason()));
        }
        TaxTreatments.refuseMixedOutOfScope(lines);
        Invoice invoice = Invoice.draft(
                InvoiceOrigin.MANUAL,
                customerId,
                null,
                Buyer.of(customer),
                customer.paymentTermDays,
                config.currency(),
                lines,
                calendar.now());
        invoice.serviceDuring(
                request.purchaseOrderReference() == null
                                || request.purchaseOrderReference().isBlank()
                        ? null
                        : request.purchaseOrderReference().strip(),
                request.serviceFrom(),
                request.serviceUntil());
        invoice.agreeSkonto(skonto);
        invoice.persist();
        return invoice;
    }

    /** The request's Skonto, checked before anything is stored; the default when it names none. */
    private Skonto skonto(DraftInvoiceRequest request) {
        BigDecimal percent = request.skontoPercent();
        Integer days = request.skontoDays();
        if (percent == null && days == null) {
            return skontoConfig.terms();
        }
        if (percent == null) {
            throw new InvalidFieldProblem("skontoPercent", "required with skontoDays");
        }
        if (percent.signum() < 0
                || percent.compareTo(Skonto.MAX_PERCENT) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            throw new InvalidFieldProblem(
                    "skontoPercent", "must be 0 (no Skonto) to " + Skonto.MAX_PERCENT + ", with at most two decimals");
        }
        if (days == null) {
            throw new InvalidFieldProblem("skontoDays", "required with skontoPercent");
        }
        if (days < 0) {
            throw new InvalidFieldProblem("skontoDays", "must not be negative");
        }
        return percent.signum() == 0 ? null : new Skonto(percent, days);
    }

    /** Issues a draft with the next number; a second issue is a 409. */
    @Transactional
    public Invoice issue(UUID invoiceId) {
        // Locked so that two concurrent issues of one draft cannot both take a number.
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        invoice.requireDraft();
        if (invoice.origin == InvoiceOrigin.MANUAL) {
            // A draft may wait for days: it is issued to the customer's billing data of the issue date.
            Customer customer = Customer.findById(invoice.customerId);
            if (customer != null) {
                invoice.buyer = Buyer.of(customer);
                invoice.paymentTermDays = customer.paymentTermDays;
                TaxTreatments.refuseStale(invoice);
            }
        }
        issueNow(invoice);
        return invoice;
    }

    /** Cancels an issued, unpaid invoice by a credit note with the next GS number of the year. */
    @Transactional
    public Invoice cancel(UUID invoiceId, String reason) {
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        // Before a number is taken: a refused cancellation must not use up a credit note number.
        invoice.requireCancellable();
        LocalDate today = calendar.today();
        invoice.cancel(numbers.nextCreditNote(today.getYear()), today, reason);
        documents.freezeCancellation(invoice);
        mail.sendCancelled(invoice);
        outbox.publish(new InvoiceCancelled(
                invoice.id, invoice.invoiceNumber, invoice.creditNoteNumber, invoice.customerId, invoice.offerId));
        LOG.infof("invoice %s cancelled by credit note %s", invoice.invoiceNumber, invoice.creditNoteNumber);
        return invoice;
    }

    /** The customer disputes the invoice: the dunning run passes it over until the dispute is resolved. */
    @Transactional
    public Invoice dispute(UUID invoiceId, String reason) {
        // Locked: a dunning batch holding the row finishes first; the next one skips the invoice.
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        invoice.dispute(reason, calendar.today());
        LOG.infof("invoice %s disputed at dunning level %d: %s", invoice.invoiceNumber, invoice.dunningLevel, reason);
        return invoice;
    }

    /**
     * Hands the dispute to legal, which opens an invoice-dispute case; the invoice stays disputed (dunning paused)
     * until accounting resolves the dispute as legal advises.
     */
    @Transactional
    public Invoice escalateDispute(UUID invoiceId, String note) {
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        invoice.escalateDispute(calendar.today());
        outbox.publish(new InvoiceDisputeEscalated(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                invoice.buyer.customerNumber,
                invoice.buyer.name,
                invoice.currency,
                invoice.openClaim().total(),
                invoice.disputeReason,
                invoice.disputedSince,
                invoice.disputeEscalatedOn,
                note));
        LOG.infof("dispute of invoice %s escalated to legal", invoice.invoiceNumber);
        return invoice;
    }

    /** Ends the dispute; dunning resumes at the level the invoice had. */
    @Transactional
    public Invoice resolveDispute(UUID invoiceId) {
        Invoice invoice = Found.lockedById(Invoice.class, invoiceId, "invoice");
        invoice.resolveDispute(calendar.today());
        LOG.infof(
                "dispute of invoice %s (since %s: %s) resolved; dunning resumes at level %d",
                invoice.invoiceNumber, invoice.disputedSince, invoice.disputeReason, invoice.dunningLevel);
        return invoice;
    }

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
        issueNow(invoice);
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
        issueNow(invoice);
        return invoice;
    }

    private void issueNow(Invoice invoice) {
        LocalDate today = calendar.today();
        invoice.issue(numbers.next(today.getYear()), today);
        // Flushed first: the documents refer to the invoice row.
        invoice.persistAndFlush();
        String documentSha256 = documents.freeze(invoice);
        mail.sendIssued(invoice);
        outbox.publish(new InvoiceIssued(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                invoice.offerId,
                invoice.issueDate,
                invoice.dueDate,
                invoice.netTotal,
                invoice.vatTotal,
                invoice.grossTotal,
                invoice.currency,
                invoice.projectId,
                invoice.milestoneId,
                documentSha256));
        LOG.infof(
                "invoice %s issued to customer %s: %s %s gross, due %s",
                invoice.invoiceNumber, invoice.customerId, invoice.grossTotal, invoice.currency, invoice.dueDate);
    }
}
