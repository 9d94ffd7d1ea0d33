package io.kontor.accounting.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.bank.PaymentMatcher.Candidate;
import io.kontor.accounting.bank.PaymentMatcher.MatchedBy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentMatcherTest {

    static final Candidate MUSTER = candidate("RE-2030-000001", "Muster GmbH", "1190.00", true);
    static final Candidate MUSTER_TOO = candidate("RE-2030-000002", "Muster GmbH", "1190.00", true);
    static final Candidate BEISPIEL = candidate("RE-2030-000003", "Beispiel & Söhne KG", "595.00", true);
    static final Candidate CANCELLED = candidate("RE-2030-000004", "Muster GmbH", "0.00", false);

    static final PaymentMatcher.Invoices INVOICES = new PaymentMatcher.Invoices() {
        @Override
        public Optional<Candidate> byNumber(String invoiceNumber) {
            return List.of(MUSTER, MUSTER_TOO, BEISPIEL, CANCELLED).stream()
                    .filter(candidate -> candidate.invoiceNumber().equals(invoiceNumber))
                    .findFirst();
        }

        @Override
        public List<Candidate> byOpenAmount(BigDecimal amount, String currency) {
            return List.of(MUSTER, MUSTER_TOO, BEISPIEL).stream()
                    .filter(candidate -> candidate.totalOpen().compareTo(amount) == 0)
                    .toList();
        }
    };

    @ParameterizedTest(name = "{0} from \"{1}\" with \"{2}\": {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // amount | payer                  | remittance                     | invoice (empty: clearing) | by
                "1190.00  | Muster GmbH            | RE-2030-000001                 | RE-2030-000001            | INVOICE_NUMBER",
                "100.00   | Irgendwer              | Rechnung RE 2030 000002 Teil 1 | RE-2030-000002            | INVOICE_NUMBER", // partial: still its invoice
                "595.00   | BEISPIEL UND SOEHNE    |                                |                           | ", // name differs too much
                "595.00   | Beispiel & Soehne KG   | Danke                          | RE-2030-000003            | AMOUNT_AND_PAYER", // umlaut as the bank writes it
                "595.00   | beispiel söhne kg      | Danke                          | RE-2030-000003            | AMOUNT_AND_PAYER",
                "595.00   | Beispiel & Söhne       | Danke                          | RE-2030-000003            | AMOUNT_AND_PAYER", // cut by the bank
                "1190.00  | Muster GmbH            | Danke                          |                           | ", // two open invoices of that amount
                "595.00   | Fremd AG               | Danke                          |                           | ",
                "595.00   |                        |                                |                           | ",
                "50.00    | Muster GmbH            | RE-2030-000004                 |                           | ", // cancelled
                "50.00    | Muster GmbH            | RE-2030-999999                 |                           | ", // unknown number
                "50.00    | Muster GmbH            | RE-2030-000001 RE-2030-000003  |                           | ", // two numbers
            })
    void an_entry_is_matched_by_invoice_number_then_by_amount_and_payer_or_left_for_clearing(
            String amount, String payer, String remittance, String invoice, MatchedBy by) {
        StatementEntry entry = new StatementEntry(
                "k",
                "DE0",
                "s",
                LocalDate.parse("2030-07-01"),
                LocalDate.parse("2030-07-01"),
                new BigDecimal(amount),
                "EUR",
                true,
                true,
                payer,
                remittance);

        PaymentMatcher.Decision decision = PaymentMatcher.match(entry, INVOICES);

        assertThat(decision.matched() ? decision.invoice().invoiceNumber() : null)
                .isEqualTo(invoice);
        assertThat(decision.by()).isEqualTo(by);
        assertThat(decision.matched() || decision.reason() != null).isTrue();
    }

    @Test
    void a_payment_in_another_currency_is_left_for_clearing() {
        StatementEntry entry = new StatementEntry(
                "k",
                "DE0",
                "s",
                null,
                LocalDate.parse("2030-07-01"),
                new BigDecimal("100.00"),
                "CHF",
                true,
                true,
                "Muster GmbH",
                "RE-2030-000001");

        assertThat(PaymentMatcher.match(entry, INVOICES).matched()).isFalse();
    }

    private static Candidate candidate(String number, String buyer, String open, boolean payable) {
        return new Candidate(UUID.randomUUID(), number, buyer, payable, new BigDecimal(open), "EUR");
    }
}
