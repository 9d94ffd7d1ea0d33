package io.kontor.accounting.invoice;

import io.kontor.accounting.customer.Customer;
import io.kontor.platform.events.sales.SupplyKind;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import java.util.List;

/**
 * The tax treatment of a manual invoice line, by the rules sales applies to offer lines ({@link TaxTreatment#derive}):
 * derived from the customer and the kind of supply, or set by accounting with a reason.
 */
final class TaxTreatments {

    private TaxTreatments() {}

    /** {@code field} is the line's request path ("lines[0]"), named by the 400 when the treatment is impossible. */
    static TaxTreatment forLine(
            String field,
            Customer customer,
            SupplyKind kind,
            TaxTreatment wanted,
            String reason,
            boolean smallBusiness) {
        TaxTreatment derived = TaxTreatment.derive(
                customer.type,
                customer.country,
                customer.vatId,
                kind == null ? SupplyKind.SERVICE : kind,
                smallBusiness);
        if (wanted == null) {
            return derived;
        }
        if (reason == null) {
            throw new InvalidFieldProblem(
                    field + ".taxReason",
                    wanted == TaxTreatment.EXEMPT
                            ? "an exempt line names its exemption, e.g. \"Heilbehandlung, §4 Nr. 14 UStG\""
                            : "a tax treatment set by hand needs the reason for it");
        }
        if (smallBusiness != (wanted == TaxTreatment.SMALL_BUSINESS_19)) {
            throw new InvalidFieldProblem(
                    field + ".taxTreatment",
                    smallBusiness
                            ? "the company is a small business (§19 UStG): its lines show no VAT"
                            : "§19 UStG is a company-wide setting, not one of a line");
        }
        if (wanted.needsBuyerVatId() && (customer.vatId == null || customer.vatId.isBlank())) {
            throw new InvalidFieldProblem(
                    field + ".taxTreatment",
                    wanted + " needs the customer's VAT id on the invoice (§14a UStG); the customer has none");
        }
        boolean otherMemberState =
                TaxTreatment.EU_MEMBER_STATES.contains(customer.country) && !"DE".equals(customer.country);
        if ((wanted == TaxTreatment.INTRA_EU_SUPPLY || wanted == TaxTreatment.EU_B2B_SERVICE) && !otherMemberState) {
            throw new InvalidFieldProblem(
                    field + ".taxTreatment",
                    wanted + " is for customers in another EU member state; this one bills in " + customer.country);
        }
        return wanted;
    }

    /**
     * A draft's treatments were decided for the customer of its drafting day; issued to today's billing data, a line
     * that needs the buyer's VAT id (§14a UStG) or a buyer in another member state must still have one.
     */
    static void refuseStale(Invoice invoice) {
        Buyer buyer = invoice.buyer;
        boolean otherMemberState = TaxTreatment.EU_MEMBER_STATES.contains(buyer.country) && !"DE".equals(buyer.country);
        for (InvoiceLine line : invoice.lines) {
            TaxTreatment treatment = line.taxTreatment;
            boolean noVatId = buyer.vatId == null || buyer.vatId.isBlank();
            boolean euTreatment = treatment == TaxTreatment.INTRA_EU_SUPPLY || treatment == TaxTreatment.EU_B2B_SERVICE;
            if ((treatment.needsBuyerVatId() && noVatId) || (euTreatment && !otherMemberState)) {
                throw new ConflictProblem("customer " + buyer.customerNumber + " changed since the draft: " + treatment
                        + " no longer fits (VAT id " + buyer.vatId + ", country " + buyer.country
                        + "); draft the invoice again");
            }
        }
    }

    /** EN 16931 BR-O-11: lines not subject to VAT (category O) exclude every other category from the invoice. */
    static void refuseMixedOutOfScope(List<InvoiceLine> lines) {
        long outOfScope = lines.stream()
                .filter(line -> line.taxTreatment == TaxTreatment.NOT_TAXABLE_IN_DE)
                .count();
        if (outOfScope > 0 && outOfScope < lines.size()) {
            throw new InvalidFieldProblem(
                    "lines",
                    "services not taxable in Germany cannot share an invoice with other lines (EN 16931 BR-O-11);"
                            + " write a separate invoice for them");
        }
    }
}
