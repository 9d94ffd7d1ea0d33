package io.kontor.accounting.document;

import static io.kontor.accounting.document.PdfText.squeezed;
import static io.kontor.accounting.document.PdfText.withoutSpaces;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.credit.CreditLine;
import io.kontor.accounting.credit.PartialCredit;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * A partial credit note (Rechnungskorrektur): §17 (1) UStG, the price of a supply was reduced afterwards, and the VAT
 * with it; the document is one of its own with what §14 (4) UStG asks of an invoice and the invoice it corrects named
 * by number and date (§31 (5) UStDV). In EN 16931: type code 381 (UNTDID 1001) with BG-3 (BT-25, BT-26).
 */
class PartialCreditDocumentTest {

    /** Two of the ten hours of the invoice's first line (120.00 each), credited on 1 July 2030. */
    private static Invoice twoHoursCredited(Invoice invoice) {
        PartialCredit credit = credit("GS-2030-000008");
        InvoiceLine consulting = invoice.lines.get(0);
        credit.lines.add(CreditLine.of(
                1,
                InvoiceLine.of(
                        consulting.sku,
                        consulting.description,
                        new BigDecimal("2"),
                        consulting.unit,
                        consulting.unitPrice,
                        consulting.discountPercent,
                        consulting.vatRate,
                        consulting.taxTreatment,
                        consulting.taxReason)));
        return credit.asDocument(invoice);
    }

    private static PartialCredit credit(String number) {
        PartialCredit credit = new PartialCredit();
        credit.id = UUID.randomUUID();
        credit.number = number;
        credit.issuedOn = LocalDate.parse("2030-07-01");
        credit.reason = "2 Beratungsstunden nicht erbracht";
        credit.currency = "EUR";
        return credit;
    }

    @ParameterizedTest(name = "the partial credit note of a {0} invoice is a valid XRechnung and ZUGFeRD of type 381")
    @EnumSource(CustomerType.class)
    void a_partial_credit_note_is_a_valid_credit_note_naming_the_invoice(CustomerType type) {
        Invoice document = twoHoursCredited(Invoices.issued(type));

        for (String profile : new String[] {XRechnung.XRECHNUNG, XRechnung.ZUGFERD_EN16931}) {
            String xml = XRechnung.partialCredit(document, new TestSeller(), profile);

            EInvoiceValidation.assertValid(xml.getBytes(StandardCharsets.UTF_8), "GS-2030-000008.xml");
            assertThat(xml)
                    .contains("<ram:TypeCode>381</ram:TypeCode>")
                    .contains("<ram:ID>GS-2030-000008</ram:ID>")
                    .contains("Rechnungskorrektur (Teilgutschrift) zur Rechnung RE-2030-000042")
                    .contains("<ram:TaxBasisTotalAmount>240.00</ram:TaxBasisTotalAmount>")
                    .contains("45.60")
                    .contains("<ram:GrandTotalAmount>285.60</ram:GrandTotalAmount>");
            assertThat(xml.substring(xml.indexOf("<ram:InvoiceReferencedDocument>")))
                    .contains("<ram:IssuerAssignedID>RE-2030-000042</ram:IssuerAssignedID>")
                    .contains("20300615");
        }
    }

    @Test
    void the_partial_credit_pdf_names_both_numbers_the_reason_and_negates_only_what_is_credited() {
        Invoice document = twoHoursCredited(Invoices.issued(CustomerType.BUSINESS));

        String text = withoutSpaces(InvoicePdf.partialCredit(document, new TestSeller()));

        assertThat(text)
                .contains(squeezed("Rechnungskorrektur (Gutschrift) GS-2030-000008"))
                .contains(squeezed("Datum: 01.07.2030"))
                .contains(squeezed("zur Rechnung RE-2030-000042 vom 15.06.2030"))
                .contains(squeezed("teilweise"))
                .contains(squeezed("Grund: 2 Beratungsstunden nicht erbracht"))
                .contains(squeezed("Umsatzsteuer 19 % -45,60"))
                .contains(squeezed("Gutschriftsbetrag -285,60 EUR"))
                .doesNotContain(squeezed("Fachbuch"))
                .doesNotContain("Zahlbar");
    }

    @Test
    void the_partial_credit_note_as_zugferd_pdf_is_pdf_a_3_with_its_xml_and_passes_mustang() {
        Invoice document = twoHoursCredited(Invoices.issued(CustomerType.CONSUMER));
        TestSeller seller = new TestSeller();

        byte[] pdf = InvoicePdf.zugferd(
                InvoicePdf.partialCredit(document, seller),
                XRechnung.partialCredit(document, seller, XRechnung.ZUGFERD_EN16931));

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "GS-2030-000008.pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    @ParameterizedTest(name = "a price reduction on a {0} invoice keeps its category, exemption and note")
    @EnumSource(TaxTreatment.class)
    void a_credited_amount_keeps_the_invoices_tax_treatment(TaxTreatment treatment) {
        Invoice invoice = TaxInvoices.issued(treatment);
        InvoiceLine original = invoice.lines.get(0);
        PartialCredit credit = credit("GS-2030-000009");
        credit.reason = "Preisminderung wegen Verzug";
        credit.lines.add(CreditLine.of(
                null,
                InvoiceLine.of(
                        null,
                        credit.reason,
                        BigDecimal.ONE,
                        null,
                        new BigDecimal("50.00"),
                        BigDecimal.ZERO,
                        original.vatRate,
                        original.taxTreatment,
                        original.taxReason)));
        Invoice document = credit.asDocument(invoice);

        String xml = XRechnung.partialCredit(document, new TestSeller(), XRechnung.XRECHNUNG);

        EInvoiceValidation.assertValid(xml.getBytes(StandardCharsets.UTF_8), "GS-2030-000009.xml");
        assertThat(xml).contains("<ram:TypeCode>381</ram:TypeCode>");
        InvoicePdf.legalNotes(document).forEach(note -> assertThat(xml).contains(note));
        assertThat(withoutSpaces(InvoicePdf.partialCredit(document, new TestSeller())))
                .contains(squeezed("Rechnungskorrektur (Gutschrift) GS-2030-000009"));
    }
}
