package io.kontor.accounting.document;

import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceOrigin;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An issued invoice of each tax treatment, to the customer the treatment is for. */
final class TaxInvoices {

    private TaxInvoices() {}

    static Invoice issued(TaxTreatment treatment) {
        Buyer buyer = switch (treatment) {
            case DOMESTIC, REVERSE_CHARGE_13B ->
                buyer("Bau und Boden GmbH", CustomerType.BUSINESS, "DE811907980", "DE");
            case INTRA_EU_SUPPLY -> buyer("Wiener Werkstätten GmbH", CustomerType.BUSINESS, "ATU13585627", "AT");
            case EU_B2B_SERVICE -> buyer("Conseil Lyonnais SA", CustomerType.BUSINESS, "FR40303265045", "FR");
            case EXPORT, NOT_TAXABLE_IN_DE -> buyer("Zürcher Handels AG", CustomerType.BUSINESS, null, "CH");
            case EXEMPT, SMALL_BUSINESS_19 -> buyer("Erika Mustermann", CustomerType.CONSUMER, null, "DE");
        };
        String reason = switch (treatment) {
            case REVERSE_CHARGE_13B -> "Bauleistung an Bauleistenden, §13b Abs. 2 Nr. 4 UStG";
            case EXEMPT -> "Heilbehandlung, §4 Nr. 14 UStG";
            default -> null;
        };
        List<InvoiceLine> lines = List.of(
                InvoiceLine.of(
                        "A-1",
                        "Montage",
                        new BigDecimal("8"),
                        "h",
                        new BigDecimal("95.00"),
                        null,
                        new BigDecimal("19"),
                        treatment,
                        reason),
                InvoiceLine.of(
                        "A-2",
                        "Material",
                        new BigDecimal("3"),
                        "pc",
                        new BigDecimal("40.10"),
                        new BigDecimal("5"),
                        new BigDecimal("19"),
                        treatment,
                        reason));
        Invoice invoice = Invoice.draft(
                InvoiceOrigin.MANUAL,
                UUID.randomUUID(),
                null,
                buyer,
                14,
                "EUR",
                lines,
                Instant.parse("2030-06-15T10:00:00Z"));
        invoice.serviceDuring("PO-2030-17", LocalDate.parse("2030-06-03"), LocalDate.parse("2030-06-07"));
        invoice.issue("RE-2030-000077", LocalDate.parse("2030-06-15"));
        return invoice;
    }

    private static Buyer buyer(String name, CustomerType type, String vatId, String country) {
        Buyer buyer = new Buyer();
        buyer.customerNumber = "K-20001";
        buyer.name = name;
        buyer.type = type;
        buyer.email = "rechnung@kunde.example";
        buyer.vatId = vatId;
        buyer.street = "Hauptstraße 7";
        buyer.postalCode = "1010";
        buyer.city = "Stadt";
        buyer.country = country;
        return buyer;
    }
}
