package io.kontor.accounting.document;

import static io.kontor.accounting.document.PdfText.squeezed;
import static io.kontor.accounting.document.PdfText.withoutSpaces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.TaxTreatment;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cancellation document of an invoice (§14 UStG: an invoice is corrected by a new document, never edited; §14c (1)
 * sentence 2 and §17 UStG: VAT shown is taken back by it): its own number from the credit-note range (GS), its own
 * date, type code 381 (UNTDID 1001, credit note) and the cancelled invoice's number and date (BT-25, BT-26).
 */
class CreditNoteDocumentTest {

    private static Invoice cancelled(Invoice invoice) {
        invoice.cancel("GS-2030-000007", LocalDate.parse("2030-07-01"), "Leistung nicht erbracht");
        return invoice;
    }

    @ParameterizedTest(
            name = "the credit note of an invoice to a {0} customer passes Mustang's validator, XRechnung and ZUGFeRD")
    @EnumSource(CustomerType.class)
    void the_credit_note_is_a_valid_e_invoice_of_type_381_referencing_the_invoice(CustomerType type) {
        Invoice invoice = cancelled(Invoices.issued(type));

        for (String profile : new String[] {XRechnung.XRECHNUNG, XRechnung.ZUGFERD_EN16931}) {
            String xml = XRechnung.creditNote(invoice, new TestSeller(), profile);

            EInvoiceValidation.assertValid(xml.getBytes(StandardCharsets.UTF_8), "GS-2030-000007.xml");
            assertThat(xml)
                    .contains("<ram:TypeCode>381</ram:TypeCode>")
                    .contains("<ram:ID>GS-2030-000007</ram:ID>")
                    .contains("20300701")
                    .contains("2095.19");
            assertThat(xml.substring(xml.indexOf("<ram:InvoiceReferencedDocument>")))
                    .startsWith("<ram:InvoiceReferencedDocument>")
                    .contains("<ram:IssuerAssignedID>RE-2030-000042</ram:IssuerAssignedID>")
                    .contains("20300615");
        }
    }

    @ParameterizedTest(name = "the credit note of a {0} invoice is valid with its category and note")
    @EnumSource(
            value = TaxTreatment.class,
            names = {"REVERSE_CHARGE_13B", "INTRA_EU_SUPPLY", "EXPORT", "SMALL_BUSINESS_19"})
    void a_credit_note_keeps_the_invoices_tax_treatment(TaxTreatment treatment) {
        Invoice invoice = cancelled(TaxInvoices.issued(treatment));

        String xml = XRechnung.creditNote(invoice, new TestSeller(), XRechnung.XRECHNUNG);

        EInvoiceValidation.assertValid(xml.getBytes(StandardCharsets.UTF_8), "GS-2030-000007.xml");
        assertThat(xml).contains("<ram:TypeCode>381</ram:TypeCode>");
        InvoicePdf.legalNotes(invoice).forEach(note -> assertThat(xml).contains(note));
    }

    @Test
    void the_cancellation_pdf_names_both_numbers_and_negates_the_amounts() {
        Invoice invoice = cancelled(Invoices.issued(CustomerType.BUSINESS));

        String text = withoutSpaces(InvoicePdf.creditNote(invoice, new TestSeller()));

        assertThat(text)
                .contains(squeezed("Stornorechnung (Gutschrift) GS-2030-000007"))
                .contains(squeezed("Datum: 01.07.2030"))
                .contains(squeezed("zur Rechnung RE-2030-000042 vom 15.06.2030"))
                .contains(squeezed("Grund: Leistung nicht erbracht"))
                .contains(squeezed("Gutschriftsbetrag -2.095,19 EUR"))
                .contains(squeezed("-327,72"))
                .doesNotContain("Zahlbar");
    }

    @Test
    void an_invoice_not_cancelled_has_no_cancellation_document() {
        Invoice invoice = Invoices.issued(CustomerType.BUSINESS);

        assertThatThrownBy(() -> XRechnung.creditNote(invoice, new TestSeller(), XRechnung.XRECHNUNG))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> InvoicePdf.creditNote(invoice, new TestSeller()))
                .isInstanceOf(IllegalStateException.class);
    }
}
