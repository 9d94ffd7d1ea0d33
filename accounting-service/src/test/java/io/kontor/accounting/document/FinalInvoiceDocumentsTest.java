package io.kontor.accounting.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceOrigin;
import io.kontor.accounting.invoice.InvoiceTotals;
import io.kontor.accounting.offer.MilestoneLines;
import io.kontor.platform.events.sales.DocumentDiscount;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * A final invoice (Schlussrechnung) after a partial invoice, §14 (5) Satz 2 UStG: it names the whole service with its
 * VAT and deducts the partial invoice's net and the VAT on it, rate by rate, so that it owes only the rest; in the
 * e-invoice the partial invoices are the amount already invoiced (BT-113) and the amount due is BT-112 − BT-113 (EN
 * 16931 BR-CO-16). Mustang's validator passes the XRechnung, the ZUGFeRD XML and the ZUGFeRD PDF.
 */
class FinalInvoiceDocumentsTest {

    /** The discounted offer (225.00 net, 37.35 VAT) of which 100.00 net was billed by a milestone. */
    static Invoice[] partialAndFinal() {
        Invoice offerInvoice = DiscountedInvoiceDocumentsTest.discounted();
        List<InvoiceLine> offerLines = offerInvoice.lines;
        List<InvoiceLine> priced =
                offerLines.stream().filter(line -> !line.isText()).toList();

        Invoice partial = Invoice.draft(
                InvoiceOrigin.MILESTONE,
                offerInvoice.customerId,
                null,
                offerInvoice.buyer.copy(),
                14,
                "EUR",
                MilestoneLines.of(priced, "Meilenstein Analyse (Angebot AN-2030-000043)", new BigDecimal("100.00")),
                Instant.parse("2030-05-02T10:00:00Z"));
        partial.serviceDuring(null, LocalDate.parse("2030-05-01"), null);
        partial.issue("RE-2030-000050", LocalDate.parse("2030-05-02"));

        Invoice last = Invoice.draft(
                InvoiceOrigin.MILESTONE,
                offerInvoice.customerId,
                null,
                offerInvoice.buyer.copy(),
                14,
                "EUR",
                offerLines.stream().map(InvoiceLine::copy).toList(),
                Instant.parse("2030-06-15T10:00:00Z"));
        last.grant(new DocumentDiscount(new BigDecimal("10"), new BigDecimal("25.00"), null));
        last.serviceDuring(null, LocalDate.parse("2030-05-01"), LocalDate.parse("2030-06-14"));
        last.deduct(List.of(partial));
        last.issue("RE-2030-000079", LocalDate.parse("2030-06-15"));
        return new Invoice[] {partial, last};
    }

    @Test
    void the_final_invoice_deducts_the_partial_invoice_and_its_vat_rate_by_rate_par_14_5_UStG() {
        Invoice[] invoices = partialAndFinal();
        Invoice partial = invoices[0];
        Invoice last = invoices[1];

        assertThat(partial.netTotal).isEqualByComparingTo("100.00");
        assertThat(partial.vatTotal).isEqualByComparingTo("16.60");
        assertThat(last.netTotal).isEqualByComparingTo("125.00");
        assertThat(last.vatTotal).isEqualByComparingTo("20.75");
        assertThat(last.grossTotal).isEqualByComparingTo("145.75");
        assertThat(last.prepaidTotal()).isEqualByComparingTo("116.60");
        // The whole offer's VAT was 37.35: what both invoices together charge, not a cent more.
        assertThat(partial.vatTotal.add(last.vatTotal)).isEqualByComparingTo("37.35");
        assertThat(last.billedBreakdown())
                .extracting(InvoiceTotals.VatSubtotal::taxableAmount)
                .map(BigDecimal::toPlainString)
                .containsExactly("100.00", "25.00");
    }

    @Test
    void the_xrechnung_shows_the_partial_invoice_as_already_invoiced_BT_113_and_the_rest_due_BR_CO_16() {
        String xml = XRechnung.of(partialAndFinal()[1], new TestSeller());

        assertThat(xml).contains("<ram:GrandTotalAmount>262.35</ram:GrandTotalAmount>");
        assertThat(xml).contains("<ram:TotalPrepaidAmount>116.60</ram:TotalPrepaidAmount>");
        assertThat(xml).contains("<ram:DuePayableAmount>145.75</ram:DuePayableAmount>");
        assertThat(xml).contains("RE-2030-000050");
    }

    @Test
    void mustang_validates_the_final_invoice_as_xrechnung_zugferd_xml_and_zugferd_pdf() {
        Invoice last = partialAndFinal()[1];
        TestSeller seller = new TestSeller();
        for (String profile : new String[] {XRechnung.XRECHNUNG, XRechnung.ZUGFERD_EN16931}) {
            ZUGFeRDValidator validator = new ZUGFeRDValidator();
            String report = validator.validate(
                    XRechnung.of(last, seller, profile).getBytes(StandardCharsets.UTF_8), "RE-2030-000079.xml");
            assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        }
        byte[] pdf =
                InvoicePdf.zugferd(InvoicePdf.of(last, seller), XRechnung.of(last, seller, XRechnung.ZUGFERD_EN16931));
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "RE-2030-000079.pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    @Test
    void the_pdf_is_titled_schlussrechnung_and_prints_each_deduction_with_its_vat() {
        String text =
                PdfText.squeezed(PdfText.kept(InvoicePdf.of(partialAndFinal()[1], new TestSeller()), "final-invoice"));

        assertThat(text)
                .contains(PdfText.squeezed("Schlussrechnung RE-2030-000079"))
                .contains(PdfText.squeezed("Gesamtleistung netto 225,00"))
                .contains(PdfText.squeezed("Umsatzsteuer Gesamtleistung 37,35"))
                .contains(
                        PdfText.squeezed("abzüglich Teilrechnung RE-2030-000050 vom 02.05.2030: netto zu 19 % -80,00"))
                .contains(PdfText.squeezed("abzüglich Umsatzsteuer 19 % der Teilrechnung RE-2030-000050 -15,20"))
                .contains(PdfText.squeezed("Noch zu zahlen 145,75"));
    }
}
