package io.kontor.accounting.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.Buyer;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.accounting.invoice.InvoiceOrigin;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.events.sales.OfferLineKind;
import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * An invoice from an offer with a heading, a free line and a discount on the whole offer: the discount is taken off
 * before VAT (§10 (1) UStG) and appears on the PDF (§14 (4) Nr. 7 UStG: any reduction of the price agreed in advance)
 * and in the e-invoice as document-level allowances, one per VAT category and rate (EN 16931 BG-20, BR-32, BR-33,
 * BR-CO-13, BR-S-08); Mustang's validator passes the XRechnung, the ZUGFeRD XML and the ZUGFeRD PDF.
 */
class DiscountedInvoiceDocumentsTest {

    /** 2 × 100.00 at 19 %, a free line of 50.00 at 7 %, 10 % off: 20.00 / 5.00, VAT 34.20 + 3.15. */
    static Invoice discounted() {
        InvoiceLine heading = InvoiceLine.text("Phase 1: Analyse");
        InvoiceLine product = InvoiceLine.of(
                "BER-SEN", "Beratung", new BigDecimal("2"), "h", new BigDecimal("100.00"), null, new BigDecimal("19"));
        InvoiceLine free = InvoiceLine.of(
                null,
                "Fachbuch zur Schulung",
                BigDecimal.ONE,
                "Stk",
                new BigDecimal("50.00"),
                null,
                new BigDecimal("7"),
                TaxTreatment.DOMESTIC,
                null);
        free.kind = OfferLineKind.FREE;
        Buyer buyer = new Buyer();
        buyer.customerNumber = "K-20002";
        buyer.name = "Freitext GmbH";
        buyer.type = CustomerType.BUSINESS;
        buyer.email = "rechnung@freitext.example";
        buyer.street = "Hafenstraße 1";
        buyer.postalCode = "20457";
        buyer.city = "Hamburg";
        buyer.country = "DE";
        Invoice invoice = Invoice.draft(
                InvoiceOrigin.OFFER_ACCEPTANCE,
                UUID.randomUUID(),
                // No offer: the AGB notice would look the offer up in the database.
                null,
                buyer,
                14,
                "EUR",
                List.of(heading, product, free),
                Instant.parse("2030-06-15T10:00:00Z"));
        invoice.serviceDuring(null, LocalDate.parse("2030-06-03"), null);
        invoice.grant(new DocumentDiscount(new BigDecimal("10"), new BigDecimal("25.00"), null));
        invoice.issue("RE-2030-000078", LocalDate.parse("2030-06-15"));
        return invoice;
    }

    @Test
    void the_discount_is_taken_off_each_rate_before_vat_par_10_UStG() {
        Invoice invoice = discounted();

        assertThat(invoice.netTotal).isEqualByComparingTo("225.00");
        assertThat(invoice.vatTotal).isEqualByComparingTo("37.35");
        assertThat(invoice.grossTotal).isEqualByComparingTo("262.35");
        assertThat(invoice.totals().vatBreakdown())
                .extracting(group -> group.allowance().toPlainString())
                .containsExactly("20.00", "5.00");
    }

    @Test
    void the_xrechnung_carries_one_allowance_per_rate_and_no_text_line_BG_20_BR_CO_13() {
        String xml = XRechnung.of(discounted(), new TestSeller());

        assertThat(xml).contains("<ram:LineTotalAmount>250.00</ram:LineTotalAmount>");
        assertThat(xml).contains("<ram:AllowanceTotalAmount>25.00</ram:AllowanceTotalAmount>");
        assertThat(xml).contains("<ram:TaxBasisTotalAmount>225.00</ram:TaxBasisTotalAmount>");
        assertThat(xml).contains("<ram:GrandTotalAmount>262.35</ram:GrandTotalAmount>");
        assertThat(xml).contains("<ram:DuePayableAmount>262.35</ram:DuePayableAmount>");
        assertThat(xml.split("<ram:SpecifiedTradeAllowanceCharge>", -1)).hasSize(3);
        assertThat(xml).doesNotContain("Phase 1: Analyse");
        assertThat(xml).contains("Fachbuch zur Schulung");
    }

    @Test
    void mustang_validates_the_xrechnung_and_the_zugferd_xml_with_the_discount() {
        Invoice invoice = discounted();
        for (String profile : new String[] {XRechnung.XRECHNUNG, XRechnung.ZUGFERD_EN16931}) {
            String xml = XRechnung.of(invoice, new TestSeller(), profile);
            ZUGFeRDValidator validator = new ZUGFeRDValidator();
            String report = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "RE-2030-000078.xml");
            assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        }
    }

    @Test
    void mustang_validates_the_zugferd_pdf_with_the_discount() {
        Invoice invoice = discounted();
        TestSeller seller = new TestSeller();
        byte[] pdf = InvoicePdf.zugferd(
                InvoicePdf.of(invoice, seller), XRechnung.of(invoice, seller, XRechnung.ZUGFERD_EN16931));

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "RE-2030-000078.pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    @Test
    void the_pdf_prints_the_heading_the_free_line_and_the_discount_before_vat_par_14_4_UStG() {
        String text =
                PdfText.squeezed(PdfText.kept(InvoicePdf.of(discounted(), new TestSeller()), "discounted-invoice"));

        assertThat(text)
                .contains(PdfText.squeezed("Phase 1: Analyse"))
                .contains(PdfText.squeezed("Fachbuch zur Schulung"))
                .contains(PdfText.squeezed("Summe Positionen netto 250,00"))
                .contains(PdfText.squeezed("abzüglich Rabatt 10 % -25,00"))
                .contains(PdfText.squeezed("Nettobetrag zu 19 % 180,00"))
                .contains(PdfText.squeezed("Umsatzsteuer 19 % 34,20"))
                .contains(PdfText.squeezed("Nettobetrag zu 7 % 45,00"))
                .contains(PdfText.squeezed("Umsatzsteuer 7 % 3,15"))
                .contains(PdfText.squeezed("Rechnungsbetrag 262,35"));
    }
}
