package io.kontor.accounting.payables;

import static io.kontor.accounting.payables.SupplierInvoiceFiles.cii;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.spec;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.ubl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.accounting.payables.intake.EInvoiceReader;
import io.kontor.accounting.payables.intake.ExtractedInvoice;
import io.kontor.accounting.payables.intake.PdfInvoice;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The business terms of EN 16931 read from both syntaxes and from a ZUGFeRD PDF, the same invoice each time. */
class EInvoiceReaderTest {

    private static final SupplierInvoiceFiles.Spec INVOICE = spec(
            "Lieferant Nord GmbH", "DE811111111", "DE89370400440532013000", "LN-2026-0042", LocalDate.of(2026, 11, 20));

    @Test
    void an_xrechnung_in_cii_gives_supplier_number_dates_lines_vat_totals_terms_iban_and_skonto() {
        assertTheInvoice(EInvoiceReader.read(cii(INVOICE).getBytes(StandardCharsets.UTF_8)), "CII");
    }

    @Test
    void an_xrechnung_in_ubl_gives_the_same() {
        assertTheInvoice(EInvoiceReader.read(ubl(INVOICE).getBytes(StandardCharsets.UTF_8)), "UBL");
    }

    @Test
    void a_zugferd_pdf_gives_its_embedded_xml_and_a_plain_pdf_none() {
        byte[] pdf = SupplierInvoiceFiles.zugferdPdf(INVOICE);
        assertThat(PdfInvoice.isPdf(pdf)).isTrue();
        assertTheInvoice(EInvoiceReader.read(PdfInvoice.embeddedXml(pdf)), "CII");
        assertThat(PdfInvoice.embeddedXml(SupplierInvoiceFiles.plainPdf("Rechnung 1", false)))
                .isNull();
    }

    @Test
    void xml_with_a_doctype_is_refused_before_any_entity_is_resolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertThatThrownBy(() -> EInvoiceReader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EInvoiceReader.UnreadableInvoice.class);
    }

    @Test
    void skonto_terms_in_xrechnung_notation_are_read_with_and_without_a_basis() {
        assertThat(EInvoiceReader.skonto("#SKONTO#TAGE=14#PROZENT=2.50#\n"))
                .isEqualTo(new ExtractedInvoice.Skonto(14, new BigDecimal("2.50"), null));
        assertThat(EInvoiceReader.skonto("#SKONTO#TAGE=7#PROZENT=3.00#BASISBETRAG=100.00#"))
                .isEqualTo(new ExtractedInvoice.Skonto(7, new BigDecimal("3.00"), new BigDecimal("100.00")));
        assertThat(EInvoiceReader.skonto("Zahlbar sofort ohne Abzug")).isNull();
    }

    private static void assertTheInvoice(ExtractedInvoice invoice, String syntax) {
        assertThat(invoice.syntax()).isEqualTo(syntax);
        assertThat(invoice.invoiceNumber()).isEqualTo("LN-2026-0042");
        assertThat(invoice.typeCode()).isEqualTo("380");
        assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(invoice.currency()).isEqualTo("EUR");
        assertThat(invoice.seller().name()).isEqualTo("Lieferant Nord GmbH");
        assertThat(invoice.seller().vatId()).isEqualTo("DE811111111");
        assertThat(invoice.seller().city()).isEqualTo("Berlin");
        assertThat(invoice.buyer().name()).isEqualTo("Kontor Demo GmbH");
        assertThat(invoice.buyer().vatId()).isEqualTo("DE123456789");
        assertThat(invoice.orderReference()).isEqualTo("PO-4711");
        assertThat(invoice.iban()).isEqualTo("DE89370400440532013000");
        assertThat(invoice.bic()).isEqualTo("COBADEFFXXX");
        assertThat(invoice.skonto()).isEqualTo(new ExtractedInvoice.Skonto(10, new BigDecimal("2.00"), null));
        assertThat(invoice.lines()).hasSize(2);
        assertThat(invoice.lines().get(0).description()).isEqualTo("Beratung");
        assertThat(invoice.lines().get(0).netAmount()).isEqualByComparingTo("1000.00");
        assertThat(invoice.lines().get(1).vatRate()).isEqualByComparingTo("7");
        assertThat(invoice.vatBreakdown())
                .extracting(g -> g.rate().stripTrailingZeros().toPlainString() + ":" + g.basis() + ":" + g.amount())
                .containsExactlyInAnyOrder("19:1000.00:190.00", "7:50.00:3.50");
        assertThat(invoice.totals().taxBasis()).isEqualByComparingTo("1050.00");
        assertThat(invoice.totals().taxTotal()).isEqualByComparingTo("193.50");
        assertThat(invoice.totals().grandTotal()).isEqualByComparingTo("1243.50");
        assertThat(invoice.totals().payable()).isEqualByComparingTo("1243.50");
    }
}
