package io.kontor.accounting.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceNumbersTest {

    @ParameterizedTest(name = "number {1} of {0} is {2}")
    @CsvSource({
        "2030, 1,      RE-2030-000001",
        "2030, 42,     RE-2030-000042",
        "2031, 999999, RE-2031-999999",
    })
    void an_invoice_number_is_RE_year_and_six_digits(int year, long number, String formatted) {
        assertThat(InvoiceNumbers.format(year, number)).isEqualTo(formatted);
    }

    @Test
    void a_credit_note_number_is_GS_year_and_six_digits() {
        assertThat(InvoiceNumbers.format(InvoiceNumbers.CREDIT_NOTE, 2030, 7)).isEqualTo("GS-2030-000007");
    }

    @Test
    void a_year_with_more_than_999999_invoices_is_refused_rather_than_numbered_ambiguously() {
        assertThatThrownBy(() -> InvoiceNumbers.format(2030, 1_000_000)).isInstanceOf(IllegalStateException.class);
    }
}
