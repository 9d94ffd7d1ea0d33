package io.kontor.accounting.dunning;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static io.kontor.accounting.document.PdfText.squeezed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.document.PdfText;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notices of DunningTest's business calendar as documents: the PDF, read back with PDFBox, says what the JSON says.
 */
@QuarkusTest
class DunningNoticeDocumentTest {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void each_notice_is_a_german_letter_with_the_figures_of_its_json() {
        UUID customerId = UUID.randomUUID();
        sales.send(new CustomerRegistered(
                customerId,
                "K-" + customerId.toString().substring(0, 6),
                "Mahn GmbH",
                CustomerType.BUSINESS,
                "mahn@example.org",
                "DE123456789",
                14,
                SalesEvents.BERLIN));
        await().atMost(Duration.ofSeconds(30)).until(() -> SalesEvents.replicaHas(customerId));
        clock.set(Instant.parse("2025-06-02T08:00:00Z"));
        Issued invoice = Accounting.issue(customerId, line("Beratung", "10", "100.00", "19"));
        for (String day : List.of("2025-06-23", "2025-07-07", "2025-07-21")) {
            clock.set(Instant.parse(day + "T08:00:00Z"));
            asAccountant()
                    .body("{\"asOf\":\"" + day + "\"}")
                    .when()
                    .post(API + "/dunning-runs")
                    .then()
                    .statusCode(200);
        }

        // Level 2: 40.00 flat fee, 1.34 interest over the 4 days after the reminder's deadline (3 July) at 10.27 %
        // (DunningTest: default begins when the reminder's time to pay lapses, §286 BGB), pay within 10 days.
        JsonPath level2 = notice(invoice, 2);
        assertThat(level2.getString("title")).isEqualTo("1. Mahnung");
        assertThat(level2.getString("payBy")).isEqualTo("2025-07-17");
        assertThat(level2.getList("interestPeriods.days")).containsExactly(4);
        String text = pdf(invoice, 2);
        assertThat(text)
                .contains(
                        squeezed("1. Mahnung zur Rechnung " + invoice.number()),
                        squeezed("Mahn GmbH"),
                        squeezed("Unter den Linden 1"),
                        squeezed("10117 Berlin DE"),
                        squeezed("Kontor Demo GmbH"),
                        squeezed("Hamburg, " + date(level2, "issuedOn")),
                        squeezed("Rechnungsdatum: 02.06.2025"),
                        squeezed("Offener Rechnungsbetrag " + money(level2, "openPrincipal") + " EUR"),
                        squeezed("Verzugspauschale (§ 288 Abs. 5 BGB) " + money(level2, "fee") + " EUR"),
                        squeezed("Basiszinssatz + 9 Prozentpunkte) " + money(level2, "interest") + " EUR"),
                        squeezed("Zu zahlender Gesamtbetrag " + money(level2, "totalOwed") + " EUR"),
                        squeezed("bis zum " + date(level2, "payBy")));
        for (Map<String, Object> period : level2.<Map<String, Object>>getList("interestPeriods")) {
            assertThat(text)
                    .contains(squeezed("vom " + german(period.get("first")) + " bis " + german(period.get("last"))
                            + ": " + period.get("days") + " Tage zu "
                            + period.get("ratePercent").toString().replace('.', ',') + " %"));
        }
        assertThat(text)
                .contains(
                        squeezed("1.190,00 EUR"),
                        squeezed("40,00 EUR"),
                        squeezed("1,34 EUR"),
                        squeezed("1.231,34 EUR"),
                        squeezed("4 Tage zu 10,27 %"));

        // Level 3: no fee (5 + 10 < 40), 4.69 interest, the level-2 fee and interest (41.34) still open.
        JsonPath level3 = notice(invoice, 3);
        assertThat(pdf(invoice, 3))
                .contains(
                        squeezed("2. Mahnung zur Rechnung"),
                        squeezed(money(level3, "interest") + " EUR"),
                        squeezed("Noch offene Kosten und Zinsen früherer Mahnungen 41,34 EUR"),
                        squeezed("Zu zahlender Gesamtbetrag " + money(level3, "totalOwed") + " EUR"),
                        squeezed("1.236,03 EUR"));
        assertThat(pdf(invoice, 1)).contains(squeezed("Zahlungserinnerung zur Rechnung " + invoice.number()));
    }

    @Test
    void a_level_never_issued_is_a_404_problem() {
        UUID customerId = sales.registerCustomer("Pünktlich GmbH", 14);
        Issued invoice = Accounting.issue(customerId, line("Beratung", "1", "100.00", "19"));

        for (String path : List.of("/dunning-notices/1", "/dunning-notices/1/pdf", "/dunning-notices/4/pdf")) {
            asAccountant()
                    .when()
                    .get(API + "/invoices/" + invoice.id() + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", containsString("level"));
        }
        asAccountant()
                .when()
                .get(API + "/invoices/" + UUID.randomUUID() + "/dunning-notices/1/pdf")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static JsonPath notice(Issued invoice, int level) {
        return asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/dunning-notices/" + level)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String pdf(Issued invoice, int level) {
        byte[] pdf = asAccountant()
                .accept("application/pdf")
                .when()
                .get(API + "/invoices/" + invoice.id() + "/dunning-notices/" + level + "/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        return PdfText.withoutSpaces(pdf);
    }

    private static String money(JsonPath notice, String field) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY))
                .format(new BigDecimal(notice.getString(field)));
    }

    private static String date(JsonPath notice, String field) {
        return german(notice.getString(field));
    }

    private static String german(Object isoDate) {
        return GERMAN_DATE.format(LocalDate.parse(isoDate.toString()));
    }
}
