package io.kontor.accounting.document;

import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceTotals;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.mustangproject.Allowance;
import org.mustangproject.BankDetails;
import org.mustangproject.Contact;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;

/**
 * The invoice as an XRechnung in UN/CEFACT CII syntax (EN 16931 with the German CIUS), written by Mustang. Mustang
 * computes the totals again from the lines by the same rules (VAT per rate on the rate's sum, BR-CO-17), so the XML's
 * figures agree with the invoice's.
 */
public final class XRechnung {

    /** UN/ECE Recommendation 20 unit codes for the units offers use; anything else is a piece (C62). */
    private static final Map<String, String> UNIT_CODES =
            Map.of("h", "HUR", "d", "DAY", "pc", "C62", "stk", "C62", "month", "MON", "km", "KMT", "kg", "KGM");

    private XRechnung() {}

    /** Mustang's name of the German CIUS. */
    public static final String XRECHNUNG = "XRechnung";
    /** Mustang's name of the ZUGFeRD / Factur-X profile that is exactly EN 16931. */
    public static final String ZUGFERD_EN16931 = "EN16931";

    public static String of(Invoice invoice, CompanyProfile seller) {
        return of(invoice, seller, XRECHNUNG);
    }

    /** The invoice as CII XML of {@code profile} ({@link #XRECHNUNG} or {@link #ZUGFERD_EN16931}). */
    public static String of(Invoice invoice, CompanyProfile seller, String profile) {
        return render(invoice, seller, profile, false);
    }

    /**
     * The cancellation document of a cancelled invoice as a credit note (BT-3 type code 381, UNTDID 1001) with its own
     * number from the credit-note range and its own date, naming the invoice it cancels (BG-3: BT-25 number, BT-26
     * date). Amounts stay positive: in EN 16931 the type code, not the sign, makes it a credit.
     */
    public static String creditNote(Invoice invoice, CompanyProfile seller, String profile) {
        if (invoice.creditNoteNumber == null) {
            throw new IllegalStateException("invoice " + invoice.invoiceNumber + " is not cancelled");
        }
        return render(invoice, seller, profile, true, false);
    }

    /**
     * A partial credit note (shaped as an invoice by {@code credit.PartialCredit#asDocument}) as a credit note of type
     * 381 with BG-3 naming the invoice it corrects (BT-25, BT-26), the lines and amounts credited, positive.
     */
    public static String partialCredit(Invoice creditNote, CompanyProfile seller, String profile) {
        if (creditNote.creditNoteNumber == null) {
            throw new IllegalStateException("a credit note needs its number");
        }
        return render(creditNote, seller, profile, true, true);
    }

    private static String render(Invoice invoice, CompanyProfile seller, String profile, boolean credit) {
        return render(invoice, seller, profile, credit, false);
    }

    private static String render(
            Invoice invoice, CompanyProfile seller, String profile, boolean credit, boolean partial) {
        if (invoice.invoiceNumber == null) {
            throw new IllegalStateException("a draft has no XRechnung");
        }
        boolean outOfScope = invoice.lines.stream()
                .filter(line -> !line.isText())
                .anyMatch(line -> VatCategory.of(line.taxTreatment, line.vatRate, line.taxReason)
                        .outOfScope());
        org.mustangproject.Invoice document = new org.mustangproject.Invoice()
                .setNumber(credit ? invoice.creditNoteNumber : invoice.invoiceNumber)
                .setIssueDate(date(credit ? invoice.cancelledOn : invoice.issueDate))
                .setDueDate(date(credit ? invoice.cancelledOn : invoice.dueDate))
                .setCurrency(invoice.currency)
                .setPaymentTermDescription(
                        credit ? "Verrechnung mit Rechnung " + invoice.invoiceNumber : paymentTerms(invoice))
                // BT-10, mandatory in XRechnung (BR-DE-15): the buyer's reference, for a public buyer its Leitweg-ID;
                // a customer without one gets its customer number, the reference it knows us by.
                .setReferenceNumber(buyerReference(invoice))
                .setSender(sender(seller, outOfScope))
                .setRecipient(recipient(invoice.buyer, outOfScope));
        LocalDate from = invoice.serviceFrom == null ? invoice.issueDate : invoice.serviceFrom;
        if (invoice.serviceUntil == null) {
            // BT-72, the actual delivery date (§14 (4) Nr. 6 UStG).
            document.setDeliveryDate(date(from));
        } else {
            // BG-14, the invoicing period (BT-73/BT-74).
            document.setDetailedDeliveryPeriod(date(from), date(invoice.serviceUntil));
        }
        if (invoice.purchaseOrderReference != null) {
            document.setBuyerOrderReferencedDocumentID(invoice.purchaseOrderReference);
        }
        if (invoice.lines.stream().anyMatch(line -> line.taxTreatment == TaxTreatment.INTRA_EU_SUPPLY)) {
            // BR-IC-12: an intra-community supply names the country the goods go to; they go to the billing address.
            document.setDeliveryAddress(new TradeParty(
                    invoice.buyer.name,
                    invoice.buyer.street,
                    invoice.buyer.postalCode,
                    invoice.buyer.city,
                    invoice.buyer.country));
        }
        if (credit) {
            document.setCreditNote()
                    .setInvoiceReferencedDocumentID(invoice.invoiceNumber)
                    .setInvoiceReferencedIssueDate(date(invoice.issueDate));
            document.addNote(
                    (partial ? "Rechnungskorrektur (Teilgutschrift) zur Rechnung " : "Stornorechnung zur Rechnung ")
                            + invoice.invoiceNumber + " vom " + invoice.issueDate
                            + (invoice.cancellationReason == null ? "" : ": " + invoice.cancellationReason));
        }
        for (String note : InvoicePdf.legalNotes(invoice)) {
            document.addNote(note);
        }
        for (InvoiceLine line : invoice.lines) {
            // EN 16931 has no text lines (every BG-25 has an amount): headings stay on the PDF.
            if (!line.isText()) {
                document.addItem(item(line));
            }
        }
        DocumentDiscount discount = invoice.discount();
        if (discount != null) {
            // BG-20, one allowance per VAT category and rate (BR-32..BR-33: category and reason), so that each rate's
            // taxable amount in BG-23 is its lines less its share (BR-S-08, BR-CO-13).
            for (InvoiceTotals.VatSubtotal group : invoice.totals().vatBreakdown()) {
                if (group.allowance().signum() == 0) {
                    continue;
                }
                VatCategory category = VatCategory.of(group.treatment(), group.rate(), exemptionReason(invoice, group));
                Allowance allowance = new Allowance(group.allowance());
                allowance.setTaxPercent(group.rate());
                allowance.setCategoryCode(category.code());
                allowance.setReason(discount.label());
                allowance.setReasonCode(DISCOUNT_REASON_CODE);
                document.addAllowance(allowance);
            }
        }
        if (invoice.finalInvoice && !invoice.deductions.isEmpty()) {
            // §14 (5) UStG: the partial invoices, paid or not, are deducted with their VAT as the amount already
            // invoiced (BT-113), so that the amount due (BT-115 = BT-112 − BT-113, BR-CO-16) is what is left; the
            // note names them (BT-22).
            document.setTotalPrepaidAmount(invoice.prepaidTotal());
            StringBuilder note = new StringBuilder("Schlussrechnung. Abgezogen werden die Teilrechnungen:");
            for (io.kontor.accounting.invoice.Deduction deduction : invoice.deductions) {
                note.append(' ')
                        .append(deduction.invoiceNumber)
                        .append(" vom ")
                        .append(deduction.issueDate)
                        .append(" netto ")
                        .append(deduction.netAmount.toPlainString())
                        .append(" EUR zu ")
                        .append(deduction.vatRate.stripTrailingZeros().toPlainString())
                        .append(" %, USt ")
                        .append(deduction.vatAmount.toPlainString())
                        .append(" EUR;");
            }
            document.addNote(note.toString());
        }
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName(profile));
        provider.generateXML(document);
        String xml = new String(provider.getXML(), StandardCharsets.UTF_8);
        if (outOfScope && !XRECHNUNG.equals(profile)) {
            // Mustang writes a rate of 0.00 into the breakdown of category O, which EN 16931 does not ask for (BR-48:
            // "except if the Invoice is not subject to VAT"), and Mustang's own validator then fails reading the lines,
            // which rightly have none (BR-O-05). XRechnung wants the rate (BR-DE-14), so there it stays.
            xml = xml.replace(OUT_OF_SCOPE_RATE, "");
        }
        return xml;
    }

    /**
     * BT-20. With Skonto, its line in XRechnung's notation comes first (BR-DE-18, see
     * {@link io.kontor.accounting.invoice.Skonto#xrechnungLine}), the words for a reader after it.
     */
    static String paymentTerms(Invoice invoice) {
        if (invoice.skonto() == null) {
            return "Zahlbar ohne Abzug bis " + invoice.dueDate + " (" + invoice.paymentTermDays + " Tage)";
        }
        return invoice.skonto().xrechnungLine() + "Zahlbar bis " + invoice.dueDate + " (" + invoice.paymentTermDays
                + " Tage); " + invoice.skonto().sentence(invoice);
    }

    /** UNTDID 5189 code 95: "Discount". */
    private static final String DISCOUNT_REASON_CODE = "95";

    /** The exemption reason the group's lines carry (EXEMPT lines name theirs), for the allowance's category. */
    private static String exemptionReason(Invoice invoice, InvoiceTotals.VatSubtotal group) {
        return invoice.lines.stream()
                .filter(line -> !line.isText() && line.taxTreatment == group.treatment())
                .filter(line -> line.vatRate.compareTo(group.rate()) == 0)
                .map(line -> line.taxReason)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static final String OUT_OF_SCOPE_RATE = "<ram:RateApplicablePercent>0.00</ram:RateApplicablePercent>";

    private static String buyerReference(Invoice invoice) {
        if (invoice.buyer.buyerReference != null) {
            return invoice.buyer.buyerReference;
        }
        return invoice.buyer.customerNumber == null ? invoice.invoiceNumber : invoice.buyer.customerNumber;
    }

    private static TradeParty sender(CompanyProfile seller, boolean outOfScope) {
        TradeParty party =
                new TradeParty(seller.name(), seller.street(), seller.postalCode(), seller.city(), seller.country());
        if (!outOfScope) {
            party.addVATID(seller.vatId());
        }
        party.setContact(new Contact(seller.contactName(), seller.phone(), seller.email()))
                .setEmail(seller.email())
                .addBankDetails(new BankDetails(seller.iban(), seller.bic()));
        seller.taxNumber().ifPresent(party::addTaxID);
        seller.registerNumber().ifPresent(number -> party.setLegalOrganisation(new LegalOrganisation(number)));
        return party;
    }

    private static TradeParty recipient(Buyer buyer, boolean outOfScope) {
        TradeParty party = new TradeParty(
                buyer.name, buyer.street, buyer.postalCode, buyer.city, buyer.country == null ? "DE" : buyer.country);
        // BT-48, which reverse charge and intra-community supplies need (BR-AE-02, BR-IC-02), and BR-O-02 forbids.
        if (!outOfScope && buyer.vatId != null && !buyer.vatId.isBlank()) {
            party.addVATID(buyer.vatId);
        }
        if (buyer.email != null && !buyer.email.isBlank()) {
            party.setEmail(buyer.email);
        }
        return party;
    }

    /**
     * The net unit price after the line's discount: dividing by 100 is exact, so price × quantity is the line's net
     * again.
     */
    private static Item item(InvoiceLine line) {
        BigDecimal discount = line.discountPercent == null ? BigDecimal.ZERO : line.discountPercent;
        BigDecimal netPrice = line.unitPrice
                .multiply(BigDecimal.valueOf(100).subtract(discount))
                .divide(BigDecimal.valueOf(100));
        String unit = line.unit == null ? "C62" : UNIT_CODES.getOrDefault(line.unit.toLowerCase(Locale.ROOT), "C62");
        Product product = new Product(line.description, line.sku == null ? "" : line.sku, unit, line.vatRate);
        VatCategory category = VatCategory.of(line.taxTreatment, line.vatRate, line.taxReason);
        product.setTaxCategoryCode(category.code());
        if (category.exemptionReason() != null) {
            product.setTaxExemptionReason(category.exemptionReason());
        }
        if (category.exemptionReasonCode() != null) {
            product.setTaxExemptionReasonCode(category.exemptionReasonCode());
        }
        return new Item(product, netPrice, line.quantity);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
