package io.kontor.accounting.document;

import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.mustangproject.BankDetails;
import org.mustangproject.Contact;
import org.mustangproject.Item;
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

    public static String of(Invoice invoice, SellerConfig seller) {
        if (invoice.invoiceNumber == null) {
            throw new IllegalStateException("a draft has no XRechnung");
        }
        org.mustangproject.Invoice document = new org.mustangproject.Invoice()
                .setNumber(invoice.invoiceNumber)
                .setIssueDate(date(invoice.issueDate))
                .setDueDate(date(invoice.dueDate))
                // No separate delivery date is kept: the service was rendered by the invoice date (§14 (4) Nr. 6 UStG).
                .setDeliveryDate(date(invoice.issueDate))
                .setCurrency(invoice.currency)
                .setPaymentTermDescription(
                        "Zahlbar ohne Abzug bis " + invoice.dueDate + " (" + invoice.paymentTermDays + " Tage)")
                // BT-10, mandatory in XRechnung: the buyer's reference; without a Leitweg-ID, the customer number.
                .setReferenceNumber(
                        invoice.buyer.customerNumber == null ? invoice.invoiceNumber : invoice.buyer.customerNumber)
                .setSender(sender(seller))
                .setRecipient(recipient(invoice.buyer));
        for (InvoiceLine line : invoice.lines) {
            document.addItem(item(line));
        }
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName("XRechnung"));
        provider.generateXML(document);
        return new String(provider.getXML(), StandardCharsets.UTF_8);
    }

    private static TradeParty sender(SellerConfig seller) {
        TradeParty party = new TradeParty(
                        seller.name(), seller.street(), seller.postalCode(), seller.city(), seller.country())
                .addVATID(seller.vatId())
                .setContact(new Contact(seller.contactName(), seller.phone(), seller.email()))
                .setEmail(seller.email())
                .addBankDetails(new BankDetails(seller.iban(), seller.bic()));
        seller.taxNumber().ifPresent(party::addTaxID);
        return party;
    }

    private static TradeParty recipient(Buyer buyer) {
        TradeParty party = new TradeParty(
                buyer.name, buyer.street, buyer.postalCode, buyer.city, buyer.country == null ? "DE" : buyer.country);
        if (buyer.vatId != null && !buyer.vatId.isBlank()) {
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
        return new Item(product, netPrice, line.quantity);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
