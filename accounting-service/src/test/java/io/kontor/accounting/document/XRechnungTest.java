package io.kontor.accounting.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.events.sales.CustomerType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mustangproject.validator.ZUGFeRDValidator;

class XRechnungTest {

    @ParameterizedTest(name = "the XRechnung to a {0} customer is valid EN 16931 / XRechnung by Mustang's validator")
    @EnumSource(CustomerType.class)
    void the_xrechnung_passes_mustangs_validator(CustomerType type) {
        String xml = XRechnung.of(Invoices.issued(type), new TestSeller());

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "RE-2030-000042.xml");

        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    @org.junit.jupiter.api.Test
    void the_validator_refuses_an_xrechnung_whose_totals_do_not_add_up() {
        String xml = XRechnung.of(Invoices.issued(CustomerType.BUSINESS), new TestSeller())
                .replace("2095.19", "2095.20");

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        validator.validate(xml.getBytes(StandardCharsets.UTF_8), "RE-2030-000042.xml");

        assertThat(validator.wasCompletelyValid()).isFalse();
    }

    @ParameterizedTest(name = "the XRechnung to a {0} customer carries the invoice's figures")
    @EnumSource(CustomerType.class)
    void the_xrechnung_carries_the_invoices_number_dates_and_totals(CustomerType type) {
        String xml = XRechnung.of(Invoices.issued(type), new TestSeller());

        assertThat(xml)
                .contains("RE-2030-000042")
                .contains("20300615")
                .contains("1767.47") // net
                .contains("327.72") // VAT
                .contains("2095.19") // gross
                .contains("DE123456789");
    }
}
