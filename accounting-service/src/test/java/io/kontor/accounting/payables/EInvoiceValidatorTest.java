package io.kontor.accounting.payables;

import static io.kontor.accounting.payables.SupplierInvoiceFiles.cii;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.spec;
import static io.kontor.accounting.payables.SupplierInvoiceFiles.ubl;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.payables.intake.EInvoiceValidator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Mustang's validator (schema, EN 16931 and XRechnung schematron) as intake uses it. */
class EInvoiceValidatorTest {

    private final EInvoiceValidator validator = new EInvoiceValidator();

    private static final SupplierInvoiceFiles.Spec SPEC =
            spec("Lieferant Nord GmbH", "DE811111111", "DE89370400440532013000", "LN-7", LocalDate.of(2026, 11, 20));

    @Test
    void a_supplier_xrechnung_in_cii_and_in_ubl_is_valid() {
        EInvoiceValidator.Report cii = validator.validate(cii(SPEC).getBytes(StandardCharsets.UTF_8));
        assertThat(cii.errors()).isEmpty();
        assertThat(cii.valid()).isTrue();
        EInvoiceValidator.Report ubl = validator.validate(ubl(SPEC).getBytes(StandardCharsets.UTF_8));
        assertThat(ubl.errors()).isEmpty();
        assertThat(ubl.valid()).isTrue();
    }

    @Test
    void an_xrechnung_without_the_buyer_reference_fails_br_de_15_with_the_rules_message() {
        String xml = cii(SPEC).replaceAll("<ram:BuyerReference>[^<]*</ram:BuyerReference>", "");
        EInvoiceValidator.Report report = validator.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).anySatisfy(e -> assertThat(e.text()).contains("BR-DE-15"));
    }
}
