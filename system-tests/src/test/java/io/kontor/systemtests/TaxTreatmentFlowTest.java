package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Issue #15 through the gateway: for each tax treatment an offer to the customer it belongs to is accepted, accounting
 * issues the invoice, and the frozen XRechnung and ZUGFeRD PDF/A-3 pass Mustang's validator (XML schema, EN 16931 and
 * XRechnung schematron, PDF/A) with the EN 16931 category of the treatment, while the PDF prints the legal note and,
 * where §14a UStG asks for it, the customer's VAT id. The treatment is derived from the customer's country, VAT id and
 * the kind of supply (§3a (2), §4 Nr. 1b, §6a UStG) or set by hand with a reason (§13b UStG, §4 Nr. 14 UStG). The
 * small-business rule (§19 UStG) is a company-wide setting of the deployment, so a platform started as a
 * Kleinunternehmer would be needed; sales' {@code SmallBusinessOfferTest} and accounting's
 * {@code TaxTreatmentDocumentsTest} cover it. Export and services not taxable in Germany go to customers outside the
 * EU, whose offers legal reviews first (kontor.sales.legal-review); accounting's document tests cover those two.
 */
class TaxTreatmentFlowTest extends SystemTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DOMESTIC          | DE |               | SERVICE |                   |                                   | S | Umsatzsteuer 19 %",
                "REVERSE_CHARGE_13B| DE | DE811907980   | SERVICE | REVERSE_CHARGE_13B| Bauleistung (§13b (2) Nr. 4 UStG) | AE| Steuerschuldnerschaft des Leistungsempfängers (§13b UStG)",
                "INTRA_EU_SUPPLY   | AT | ATU13585627   | GOODS   |                   |                                   | K | Steuerfreie innergemeinschaftliche Lieferung (§4 Nr. 1b, §6a UStG)",
                "EU_B2B_SERVICE    | FR | FR40303265045 | SERVICE |                   |                                   | AE| Reverse Charge, §3a Abs. 2 UStG",
                "EXEMPT            | DE |               | SERVICE | EXEMPT            | Heilbehandlung, §4 Nr. 14 UStG    | E | Heilbehandlung, §4 Nr. 14 UStG",
            })
    void the_invoice_of_each_tax_treatment_is_a_valid_e_invoice_with_its_note(
            String treatment,
            String country,
            String vatId,
            String supplyKind,
            String override,
            String reason,
            String category,
            String note)
            throws Exception {
        String customerId = registerCustomer(treatment, country, vatId);
        String overrideFields =
                override == null ? "" : ", \"taxTreatment\": \"%s\", \"taxReason\": \"%s\"".formatted(override, reason);
        String offerId = asAdmin()
                .body("""
                        {"customerId": "%s", "billing": "ON_ACCEPTANCE",
                         "lines": [{"description": "Leistung %s", "quantity": 2, "unit": "Stk", "unitPrice": 400.00,
                                    "vatRate": 19, "supplyKind": "%s"%s}]}
                        """.formatted(customerId, treatment, supplyKind, overrideFields))
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(201)
                .body("lines[0].taxTreatment", equalTo(treatment))
                .extract()
                .path("id");
        asAdmin().post("/api/v1/sales/offers/{id}/send", offerId).then().statusCode(200);
        asAdmin().post("/api/v1/sales/offers/{id}/accept", offerId).then().statusCode(200);
        Map<String, Object> invoice = awaitInvoiceFor(customerId, offerId);
        Object invoiceId = invoice.get("id");

        byte[] xrechnung = document("/api/v1/accounting/invoices/{id}/xrechnung", invoiceId);
        String xml = new String(xrechnung, StandardCharsets.UTF_8);
        assertThat(xml).contains("<ram:CategoryCode>" + category + "</ram:CategoryCode>");
        assertValid(xrechnung, "xrechnung-" + treatment + ".xml");

        byte[] zugferdPdf = document("/api/v1/accounting/invoices/{id}/zugferd-pdf", invoiceId);
        assertValid(zugferdPdf, "zugferd-" + treatment + ".pdf");

        String text = text(document("/api/v1/accounting/invoices/{id}/pdf", invoiceId));
        assertThat(text).contains(note);
        if (vatId != null) {
            assertThat(text).contains("USt-IdNr. des Leistungsempfängers: " + vatId);
        }
        if (!"S".equals(category)) {
            // Only German VAT is charged on a German invoice: no other treatment may show VAT it does not owe (§14c
            // UStG).
            assertThat(invoice.get("vatTotal").toString()).matches("0(\\.0+)?");
        }
    }

    private static String registerCustomer(String treatment, String country, String vatId) {
        String address = switch (country) {
            case "AT" -> "\"street\": \"Graben 1\", \"postalCode\": \"1010\", \"city\": \"Wien\"";
            case "FR" -> "\"street\": \"Rue de la Paix 1\", \"postalCode\": \"75002\", \"city\": \"Paris\"";
            default -> "\"street\": \"Speicherstadt 1\", \"postalCode\": \"20457\", \"city\": \"Hamburg\"";
        };
        String vat = vatId == null ? "" : ", \"vatId\": \"%s\"".formatted(vatId);
        return asAdmin()
                .body("""
                        {"name": "Steuerfall %s %s", "type": "BUSINESS", "email": "einkauf@%s.example",
                         "paymentTermDays": 14%s, "billingAddress": {%s, "country": "%s"}}
                        """.formatted(
                                treatment,
                                UUID.randomUUID().toString().substring(0, 6),
                                UUID.randomUUID().toString().substring(0, 8),
                                vat,
                                address,
                                country))
                .post("/api/v1/sales/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static byte[] document(String path, Object invoiceId) {
        return asAdmin().get(path, invoiceId).then().statusCode(200).extract().asByteArray();
    }

    /** Mustang's validator: XML schema, EN 16931 and XRechnung schematron, and PDF/A for the hybrid. */
    private static void assertValid(byte[] document, String fileName) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(document, fileName);
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
