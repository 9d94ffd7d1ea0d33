package io.kontor.accounting.document;

import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceOrigin;
import io.kontor.platform.events.sales.CustomerType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Issued invoices for document tests: 19 % and 7 % lines, one with a discount, to a business or a consumer. */
final class Invoices {

    private Invoices() {}

    static Invoice issued(CustomerType type) {
        Buyer buyer = new Buyer();
        buyer.customerNumber = "K-10001";
        buyer.name = type == CustomerType.BUSINESS ? "Hanse Kontor GmbH" : "Erika Mustermann";
        buyer.type = type;
        buyer.email = type == CustomerType.BUSINESS ? "rechnung@hanse-kontor.example" : "erika@example.org";
        buyer.vatId = type == CustomerType.BUSINESS ? "DE811907980" : null;
        buyer.street = "Am Sandtorkai 5";
        buyer.postalCode = "20457";
        buyer.city = "Hamburg";
        buyer.country = "DE";
        List<InvoiceLine> lines = List.of(
                InvoiceLine.of(
                        "CONSULTING",
                        "Beratung",
                        new BigDecimal("10"),
                        "h",
                        new BigDecimal("120.00"),
                        null,
                        new BigDecimal("19")),
                InvoiceLine.of(
                        "BOOK",
                        "Fachbuch",
                        new BigDecimal("3"),
                        "pc",
                        new BigDecimal("24.99"),
                        new BigDecimal("10"),
                        new BigDecimal("7")),
                InvoiceLine.of(
                        "TRAINING",
                        "Schulung",
                        new BigDecimal("1.5"),
                        "d",
                        new BigDecimal("333.33"),
                        null,
                        new BigDecimal("19")));
        Invoice invoice = Invoice.draft(
                InvoiceOrigin.MANUAL,
                UUID.randomUUID(),
                null,
                buyer,
                30,
                "EUR",
                lines,
                Instant.parse("2030-06-15T10:00:00Z"));
        invoice.issue("RE-2030-000042", LocalDate.parse("2030-06-15"));
        return invoice;
    }
}
