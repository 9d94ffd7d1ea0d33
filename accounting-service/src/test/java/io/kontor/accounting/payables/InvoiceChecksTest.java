package io.kontor.accounting.payables;

import static io.kontor.accounting.payables.SupplierInvoiceFiles.cii;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.payables.check.Check;
import io.kontor.accounting.payables.check.InvoiceChecks;
import io.kontor.accounting.payables.intake.EInvoiceReader;
import io.kontor.accounting.payables.intake.ExtractedInvoice;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceChecksTest {

    private static final InvoiceChecks.Us US = new InvoiceChecks.Us("Kontor Demo GmbH", "DE123456789");

    private static final ExtractedInvoice GOOD = EInvoiceReader.read(cii(spec(
                    "Lieferant Nord GmbH", "DE811111111", "DE89370400440532013000", "LN-1", LocalDate.of(2026, 11, 20)))
            .getBytes(StandardCharsets.UTF_8));

    @Test
    void a_correct_invoice_to_us_passes_every_check() {
        assertThat(InvoiceChecks.check(GOOD, US)).extracting(Check::outcome).containsOnly(Check.Outcome.OK);
    }

    @Test
    void vat_per_rate_that_is_not_the_taxable_amount_times_the_rate_fails_section_14_4_nr_8_ustg() {
        ExtractedInvoice.VatGroup wrong = new ExtractedInvoice.VatGroup(
                "S", new BigDecimal("19"), new BigDecimal("1000.00"), new BigDecimal("180.00"));
        ExtractedInvoice invoice = with(GOOD, List.of(wrong, GOOD.vatBreakdown().get(1)), GOOD.totals());
        Check vat = InvoiceChecks.check(invoice, US).stream()
                .filter(c -> c.name().equals(InvoiceChecks.VAT))
                .findFirst()
                .orElseThrow();
        assertThat(vat.outcome()).isEqualTo(Check.Outcome.FAILED);
        assertThat(vat.message()).contains("19 % of 1000.00 is 190.00, not 180.00");
    }

    @Test
    void totals_that_do_not_add_up_fail_the_arithmetic_check() {
        ExtractedInvoice.Totals t = GOOD.totals();
        ExtractedInvoice invoice = with(
                GOOD,
                GOOD.vatBreakdown(),
                new ExtractedInvoice.Totals(
                        t.lineTotal(),
                        t.allowances(),
                        t.charges(),
                        t.taxBasis(),
                        t.taxTotal(),
                        new BigDecimal("1343.50"),
                        t.prepaid(),
                        new BigDecimal("1343.50")));
        assertThat(InvoiceChecks.check(invoice, US))
                .filteredOn(c -> c.name().equals(InvoiceChecks.ARITHMETIC))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(Check.Outcome.FAILED);
                    assertThat(c.message()).contains("BT-112");
                });
    }

    @Test
    void an_invoice_to_another_company_fails_the_buyer_check() {
        ExtractedInvoice other = EInvoiceReader.read(cii(spec(
                                "Lieferant Nord GmbH",
                                "DE811111111",
                                "DE89370400440532013000",
                                "LN-2",
                                LocalDate.of(2026, 11, 20))
                        .buyer("Andere AG", "DE999999999"))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(InvoiceChecks.check(other, US))
                .filteredOn(c -> c.name().equals(InvoiceChecks.BUYER))
                .singleElement()
                .extracting(Check::outcome)
                .isEqualTo(Check.Outcome.FAILED);
    }

    @Test
    void an_invoice_without_the_sellers_vat_id_or_tax_number_lacks_a_section_14_4_ustg_content() {
        ExtractedInvoice.Party s = GOOD.seller();
        ExtractedInvoice invoice = new ExtractedInvoice(
                GOOD.syntax(),
                GOOD.invoiceNumber(),
                GOOD.typeCode(),
                GOOD.issueDate(),
                GOOD.dueDate(),
                GOOD.currency(),
                new ExtractedInvoice.Party(s.name(), null, null, s.street(), s.postalCode(), s.city(), s.country()),
                GOOD.buyer(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                GOOD.lines(),
                GOOD.vatBreakdown(),
                GOOD.totals());
        assertThat(InvoiceChecks.check(invoice, US))
                .filteredOn(c -> c.name().equals(InvoiceChecks.MANDATORY_CONTENTS))
                .singleElement()
                .satisfies(c -> assertThat(c.message()).contains("VAT id or tax number (Nr. 2)"));
    }

    private static ExtractedInvoice with(
            ExtractedInvoice i, List<ExtractedInvoice.VatGroup> vat, ExtractedInvoice.Totals totals) {
        return new ExtractedInvoice(
                i.syntax(),
                i.invoiceNumber(),
                i.typeCode(),
                i.issueDate(),
                i.dueDate(),
                i.currency(),
                i.seller(),
                i.buyer(),
                i.buyerReference(),
                i.orderReference(),
                i.projectReference(),
                i.paymentTerms(),
                i.iban(),
                i.bic(),
                i.skonto(),
                i.lines(),
                vat,
                totals);
    }
}
