package io.kontor.accounting.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.TaxTreatment;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * The hybrid e-invoice: the invoice PDF as PDF/A-3 (ISO 19005-3) with its EN 16931 XML embedded as factur-x.xml
 * (ZUGFeRD 2 / Factur-X, profile EN 16931), which §14 (1) UStG accepts as an e-invoice since 2025. Mustang's validator
 * checks the PDF/A part (veraPDF) and the XML (schema and schematron).
 */
class ZugferdPdfTest {

    @ParameterizedTest(name = "the ZUGFeRD PDF of an invoice to a {0} customer is valid PDF/A-3 with valid XML")
    @EnumSource(CustomerType.class)
    void the_zugferd_pdf_passes_mustangs_validator(CustomerType type) {
        assertValid(Invoices.issued(type));
    }

    @ParameterizedTest(name = "the ZUGFeRD PDF of a {0} invoice is valid")
    @EnumSource(
            value = TaxTreatment.class,
            names = {"REVERSE_CHARGE_13B", "INTRA_EU_SUPPLY", "EXPORT", "SMALL_BUSINESS_19"})
    void the_zugferd_pdf_of_each_tax_treatment_passes(TaxTreatment treatment) {
        assertValid(TaxInvoices.issued(treatment));
    }

    @org.junit.jupiter.api.Test
    void the_cancellation_document_has_a_zugferd_pdf_of_type_381_too() {
        Invoice invoice = Invoices.issued(CustomerType.BUSINESS);
        invoice.cancel("GS-2030-000007", LocalDate.parse("2030-07-01"), null);
        TestSeller seller = new TestSeller();

        byte[] pdf = InvoicePdf.zugferd(
                InvoicePdf.creditNote(invoice, seller),
                XRechnung.creditNote(invoice, seller, XRechnung.ZUGFERD_EN16931));

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "GS-2030-000007.pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    private static void assertValid(Invoice invoice) {
        TestSeller seller = new TestSeller();
        byte[] pdf = InvoicePdf.zugferd(
                InvoicePdf.of(invoice, seller), XRechnung.of(invoice, seller, XRechnung.ZUGFERD_EN16931));

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, invoice.invoiceNumber + ".pdf");

        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(PdfText.withoutSpaces(pdf)).contains(PdfText.squeezed("Rechnung " + invoice.invoiceNumber));
    }
}
