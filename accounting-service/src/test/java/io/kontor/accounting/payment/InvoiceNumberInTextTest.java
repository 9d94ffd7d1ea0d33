package io.kontor.accounting.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceNumberInTextTest {

    @ParameterizedTest(name = "\"{0}\" names {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RE-2030-000042                                   | RE-2030-000042",
                "Rechnung RE-2030-000042 vom 15.06.               | RE-2030-000042",
                "re 2030 000042                                   | RE-2030-000042",
                "RE2030000042                                     | RE-2030-000042",
                "RE-2030-42 Kd.Nr. 4711                           | RE-2030-000042",
                "RE/2030/000042                                   | RE-2030-000042",
                "RE-2030-000042 und RE-2030-000043                | RE-2030-000042;RE-2030-000043",
                "RE-2030-000042 RE-2030-000042                    | RE-2030-000042",
                "Miete Juni                                       | ",
                "PRE-2030-000042                                  | ",
                "RE-2030-0000421                                  | ",
                "Kundennr 2030000042                              | ",
            })
    void finds_invoice_numbers_however_the_payer_wrote_them(String text, String expected) {
        List<String> numbers = expected == null ? List.of() : Arrays.asList(expected.split(";"));

        assertThat(InvoiceNumberInText.in(text)).containsExactlyElementsOf(numbers);
    }
}
