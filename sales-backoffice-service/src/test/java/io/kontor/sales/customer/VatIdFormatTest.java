package io.kontor.sales.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VatIdFormatTest {

    @ParameterizedTest(name = "{0} is a well-formed VAT id")
    @CsvSource({
        "DE123456789",
        "ATU12345678",
        "BE0123456789",
        "BG123456789",
        "BG1234567890",
        "CY12345678X",
        "CZ12345678",
        "CZ1234567890",
        "DK12345678",
        "EE123456789",
        "EL123456789",
        "ESA1234567B",
        "ES12345678Z",
        "FI12345678",
        "FRAB123456789",
        "FR12345678901",
        "HR12345678901",
        "HU12345678",
        "IE6388047V",
        "IE1234567WA",
        "IE1A23456B",
        "IT12345678901",
        "LT123456789",
        "LT123456789012",
        "LU12345678",
        "LV12345678901",
        "MT12345678",
        "NL123456789B01",
        "PL1234567890",
        "PT123456789",
        "RO12",
        "RO1234567890",
        "SE123456789001",
        "SI12345678",
        "SK1234567890",
        "XI123456789",
        "XIGD123",
    })
    void accepts_the_format_of_every_member_state(String vatId) {
        assertThat(VatIdFormat.problem(vatId)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is read as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DE 123 456 789   | DE123456789",
                "de123456789      | DE123456789",
                "ATU-1234.5678    | ATU12345678",
                "' NL123456789B01'| NL123456789B01",
            })
    void spaces_dots_hyphens_and_case_do_not_matter(String written, String normalized) {
        assertThat(VatIdFormat.normalize(written)).isEqualTo(normalized);
        assertThat(VatIdFormat.isValid(written)).isTrue();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DE12345678       | DE followed by 9 digits",
                "DE1234567890     | DE followed by 9 digits",
                "DE12345678X      | DE followed by 9 digits",
                "AT12345678       | ATU followed by 8 digits",
                "BE2123456789     | BE followed by 10 digits",
                "GR123456789      | must start with a member state prefix",
                "GB123456789      | must start with a member state prefix",
                "CH123456789      | must start with a member state prefix",
                "US123456789      | must start with a member state prefix",
                "123456789        | must start with a member state prefix",
                "D                | must start with a member state prefix",
                "NL123456789001   | NL followed by 9 digits, B and 2 digits",
                "SE123456789012   | SE followed by 12 digits ending in 01",
                "RO0123           | RO followed by 2 to 10 digits",
                "FRIO123456789    | FR followed by a 2-character key and 9 digits",
            })
    void refuses_what_no_member_state_issues_and_says_what_is_expected(String vatId, String explanation) {
        assertThat(VatIdFormat.problem(vatId))
                .hasValueSatisfying(problem -> assertThat(problem).contains(explanation));
    }

    @ParameterizedTest(name = "\"{0}\" means no VAT id")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void no_vat_id_is_no_problem(String vatId) {
        assertThat(VatIdFormat.normalize(vatId)).isNull();
        assertThat(VatIdFormat.problem(vatId)).isEmpty();
    }
}
