package io.kontor.accounting.document;

import static io.kontor.accounting.document.PdfText.squeezed;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.dunning.DefaultInterest;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.events.sales.CustomerType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DunningNoticePdfTest {

    @ParameterizedTest(name = "level {0} is a {1}")
    @CsvSource({"1, Zahlungserinnerung", "2, 1. Mahnung", "3, 2. Mahnung"})
    void each_level_carries_its_german_name(int level, String title) {
        assertThat(DunningNoticePdf.title(level)).isEqualTo(title);
    }

    @Test
    void a_business_notice_claims_the_flat_fee_and_interest_at_base_rate_plus_nine_points_with_its_days() {
        // Level 2 as DunningTest reaches it: 1190.00 open, 40.00 flat fee, 4.92 interest over 7 + 7 days.
        String text = PdfText.withoutSpaces(DunningNoticePdf.of(
                letter(
                        CustomerType.BUSINESS,
                        2,
                        "40.00",
                        "4.92",
                        "1234.92",
                        List.of(
                                stretch("2025-06-24", "2025-06-30", 7, "11.27"),
                                stretch("2025-07-01", "2025-07-07", 7, "10.27"))),
                new TestSeller()));

        for (String expected : new String[] {
            "Kontor Demo GmbH",
            "Hanse Kontor GmbH",
            "Am Sandtorkai 5",
            "20457 Hamburg DE",
            "Hamburg, 07.07.2025",
            "1. Mahnung zur Rechnung RE-2030-000042",
            "Rechnungsdatum: 15.06.2030",
            "Offener Rechnungsbetrag 1.190,00 EUR",
            "Verzugspauschale (§ 288 Abs. 5 BGB) 40,00 EUR",
            "Verzugszinsen (§ 288 Abs. 2 BGB: Basiszinssatz + 9 Prozentpunkte) 4,92 EUR",
            "vom 24.06.2025 bis 30.06.2025: 7 Tage zu 11,27 % p. a.",
            "vom 01.07.2025 bis 07.07.2025: 7 Tage zu 10,27 % p. a.",
            "Zu zahlender Gesamtbetrag 1.234,92 EUR",
            "bis zum 17.07.2025",
            "IBAN DE02120300000000202051"
        }) {
            assertThat(text).contains(squeezed(expected));
        }
        assertThat(text).doesNotContain(squeezed("früherer Mahnungen"));
    }

    @Test
    void a_consumer_notice_names_the_fee_a_mahngebuehr_and_the_five_points_of_section_288_1() {
        String text = PdfText.withoutSpaces(DunningNoticePdf.of(
                letter(
                        CustomerType.CONSUMER,
                        3,
                        "10.00",
                        "2.86",
                        "1210.95",
                        List.of(stretch("2025-07-08", "2025-07-21", 14, "6.27"))),
                new TestSeller()));

        assertThat(text)
                .contains(
                        squeezed("2. Mahnung zur Rechnung"),
                        squeezed("Mahngebühr 10,00 EUR"),
                        squeezed("§ 288 Abs. 1 BGB: Basiszinssatz + 5 Prozentpunkte) 2,86 EUR"),
                        squeezed("14 Tage zu 6,27 %"),
                        // 1210.95 − 1190.00 − 10.00 − 2.86: the 5.00 fee and 3.09 interest of level 2
                        squeezed("Noch offene Kosten und Zinsen früherer Mahnungen 8,09 EUR"),
                        squeezed("Gesamtbetrag 1.210,95 EUR"));
    }

    @Test
    void the_reminder_asks_for_the_principal_only() {
        String text = PdfText.withoutSpaces(DunningNoticePdf.of(
                letter(CustomerType.BUSINESS, 1, "0.00", "0.00", "1190.00", List.of()), new TestSeller()));

        assertThat(text)
                .contains(
                        squeezed("Zahlungserinnerung zur Rechnung RE-2030-000042"),
                        squeezed("Gesamtbetrag 1.190,00 EUR"))
                .doesNotContain("Verzugszinsen")
                .doesNotContain("Verzugspauschale");
    }

    private static DunningNoticePdf.Letter letter(
            CustomerType type,
            int level,
            String fee,
            String interest,
            String total,
            List<DefaultInterest.Stretch> stretches) {
        Invoice invoice = Invoices.issued(type);
        return new DunningNoticePdf.Letter(
                level,
                invoice.invoiceNumber,
                invoice.issueDate,
                invoice.dueDate,
                invoice.buyer,
                LocalDate.parse("2025-07-07"),
                new BigDecimal("1190.00"),
                new BigDecimal(fee),
                new BigDecimal(interest),
                BigDecimal.valueOf(type == CustomerType.CONSUMER ? 5 : 9),
                stretches,
                new BigDecimal(total),
                LocalDate.parse("2025-07-17"),
                "EUR",
                new BigDecimal("40.00"));
    }

    private static DefaultInterest.Stretch stretch(String first, String last, long days, String rate) {
        return new DefaultInterest.Stretch(LocalDate.parse(first), LocalDate.parse(last), days, new BigDecimal(rate));
    }
}
