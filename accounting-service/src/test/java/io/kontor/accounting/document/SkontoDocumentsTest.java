package io.kontor.accounting.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.payables.intake.EInvoiceReader;
import io.kontor.accounting.payables.intake.ExtractedInvoice;
import io.kontor.platform.events.sales.CustomerType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * An invoice with Skonto (2 % within 10 days of 15 June 2030; gross 2095.19, discount 41.90, to pay 2053.29) says so on
 * paper and in the e-invoice: BT-20 in XRechnung's Skonto notation, which Mustang's validator accepts (BR-DE-18) and a
 * receiver's reader (ours, for payables) understands.
 */
class SkontoDocumentsTest {

    private static Invoice withSkonto() {
        Invoice invoice = Invoices.issued(CustomerType.BUSINESS);
        invoice.skontoPercent = new BigDecimal("2.00");
        invoice.skontoDays = 10;
        return invoice;
    }

    @Test
    void the_pdf_prints_the_skonto_its_deadline_and_the_amount_then_to_pay() {
        String text = PdfText.withoutSpaces(InvoicePdf.of(withSkonto(), new TestSeller()));

        assertThat(text)
                .contains(PdfText.squeezed("2 % Skonto bei Zahlung bis 25.06.2030 (zu zahlen 2.053,29 EUR)"))
                .doesNotContain(PdfText.squeezed("ohne Abzug"));
    }

    @Test
    void bt_20_carries_the_skonto_in_xrechnung_notation_and_the_xrechnung_stays_valid() {
        String xml = XRechnung.of(withSkonto(), new TestSeller());

        assertThat(xml).contains("#SKONTO#TAGE=10#PROZENT=2.00#");
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "RE-2030-000042.xml");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    @Test
    void a_receiver_reads_ten_days_and_two_percent_from_bt_20() {
        String terms = XRechnung.paymentTerms(withSkonto());

        ExtractedInvoice.Skonto read = EInvoiceReader.skonto(terms);

        assertThat(read.days()).isEqualTo(10);
        assertThat(read.percent()).isEqualByComparingTo("2.00");
    }

    @Test
    void the_zugferd_pdf_with_skonto_passes_mustangs_validator() {
        Invoice invoice = withSkonto();
        TestSeller seller = new TestSeller();
        byte[] pdf = InvoicePdf.zugferd(
                InvoicePdf.of(invoice, seller), XRechnung.of(invoice, seller, XRechnung.ZUGFERD_EN16931));

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, invoice.invoiceNumber + ".pdf");

        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    @Test
    void without_skonto_the_terms_stay_payable_without_deduction() {
        assertThat(XRechnung.paymentTerms(Invoices.issued(CustomerType.BUSINESS)))
                .startsWith("Zahlbar ohne Abzug bis 2030-07-15");
    }
}
