package io.kontor.accounting.invoice;

import io.kontor.accounting.AccountingConfig;
import io.kontor.accounting.customer.Customer;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Manual invoices as drafts: the customer, the lines' tax treatment, the service period and the Skonto terms. */
@ApplicationScoped
public class InvoiceDrafting {

    @Inject
    BusinessCalendar calendar;

    @Inject
    AccountingConfig config;

    @Inject
    CompanyProfile seller;

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
}
