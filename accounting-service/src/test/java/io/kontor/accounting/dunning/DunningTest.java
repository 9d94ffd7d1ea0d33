package io.kontor.accounting.dunning;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.dunning.DunningCalendar.notice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.accounting.DunningNoticeIssued;
import io.kontor.platform.events.accounting.InvoiceOverdue;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dunning over a fixed calendar, checked against figures computed by hand. Configuration: reminder 7 days after the due
 * date, levels 2 and 3 each 14 days later, level fees 5.00 and 10.00, §288 (5) flat fee 40.00, base rate 2.27 % until
 * 30 June 2025 and 1.27 % from 1 July 2025. Invoice: 1000.00 net + 19 % = 1190.00, issued 2 June 2025, 14 days, due 16
 * June 2025; the reminder (23 June) asks for payment by 3 July: the debtor is in default only when that time lapses
 * (§286 (1) BGB, prevailing view), so interest runs from 4 July (before #16 it ran from 24 June and over-claimed 10
 * days). Consumers pay at most the configured consumer-fee-cap (2.50) per notice (§309 Nr. 5 BGB: actual costs only).
 */
@QuarkusTest
class DunningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    DailyDunning daily;

    private DunningCalendar calendar;

    @BeforeEach
    void onTheCalendar() {
        calendar = new DunningCalendar(sales, clock);
    }

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_business_customer_is_dunned_with_the_flat_fee_and_base_rate_plus_nine_points_until_it_pays() {
        Issued invoice = calendar.invoiceOn("2025-06-02", calendar.customer(CustomerType.BUSINESS));

        // as of        | level | fee    | interest | hand computation
        // 2025-06-16   | –     |        |          | due today, not overdue
        // 2025-06-17   | –     |        |          | overdue (reported), the reminder waits 7 days
        // 2025-06-23   | 1     | 0.00   | 0.00     | the reminder: free, pay by 3 July, default from then
        // 2025-07-06   | –     |        |          | 13 days after the reminder
        // 2025-07-07   | 2     | 40.00  | 1.34     | §288 (5) 40.00 (5.00 level fee credited); 4 to 7 July:
        // 1190 × 4 × 10.27 / 36500 = 1.3393
        // 2025-07-07   | –     |        |          | the same day again: nothing twice
        // 2025-07-21   | 3     | 0.00   | 4.69     | 5 + 10 level fees < 40 flat fee; 1190 × 14 × 10.27 / 36500 =
        // 4.6876
        assertThat(calendar.noticeFor(invoice, "2025-06-16")).isNull();
        assertThat(calendar.noticeFor(invoice, "2025-06-17")).isNull();
        assertThat(calendar.noticeFor(invoice, "2025-06-23")).isEqualTo(notice(1, "0.00", "0.00"));
        assertThat(calendar.noticeFor(invoice, "2025-07-06")).isNull();
        assertThat(calendar.noticeFor(invoice, "2025-07-07")).isEqualTo(notice(2, "40.00", "1.34"));
        assertThat(calendar.noticeFor(invoice, "2025-07-07")).isNull();
        assertThat(calendar.noticeFor(invoice, "2025-07-21")).isEqualTo(notice(3, "0.00", "4.69"));
        invoiceShows(invoice, 3, "1190.00", "40.00", "6.03", "1236.03");

        // §367 BGB: 1190.00 paid on 21 July pays the 40.00 fee, the 6.03 interest, and 1143.97 of the principal.
        pay(invoice, "1190.00", "2025-07-21")
                .then()
                .statusCode(201)
                .body("allocation.fees", equalTo(40.00f))
                .body("allocation.interest", equalTo(6.03f))
                .body("allocation.principal", equalTo(1143.97f))
                .body("invoiceStatus", equalTo("PARTIALLY_PAID"));
        // Interest runs on on the 46.03 left: 10 days to 31 July, 46.03 × 10 × 10.27 / 36500 = 0.1295 → 0.13.
        pay(invoice, "46.16", "2025-07-31")
                .then()
                .statusCode(201)
                .body("allocation.interest", equalTo(0.13f))
                .body("allocation.principal", equalTo(46.03f))
                .body("invoiceStatus", equalTo("PAID"));
        assertThat(calendar.noticeFor(invoice, "2025-09-01")).isNull();

        List<DunningNoticeIssued> published = await().atMost(PATIENCE)
                .until(
                        () -> Accounting.events(
                                invoice.id(), DunningNoticeIssued.TYPE, DunningNoticeIssued.class, json),
                        list -> list.size() == 3);
        assertThat(published).extracting(DunningNoticeIssued::level).containsExactly(1, 2, 3);
        assertThat(published.get(1))
                .isEqualTo(new DunningNoticeIssued(
                        invoice.id(),
                        invoice.number(),
                        published.get(1).customerId(),
                        2,
                        new BigDecimal("40.00"),
                        new BigDecimal("1.34"),
                        new BigDecimal("1190.00"),
                        "EUR",
                        LocalDate.parse("2025-07-07")));
        List<InvoiceOverdue> overdue = Accounting.events(invoice.id(), InvoiceOverdue.TYPE, InvoiceOverdue.class, json);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).dueDate()).isEqualTo(LocalDate.parse("2025-06-16"));
    }

    @Test
    void a_consumer_is_dunned_with_level_fees_and_base_rate_plus_five_points_and_paying_stops_the_dunning() {
        Issued invoice = calendar.invoiceOn("2025-06-02", calendar.customer(CustomerType.CONSUMER));

        // 2025-06-23 | 1 | 0.00 | 0.00 |
        // 2025-07-07 | 2 | 2.50 | 0.82 | level fee 5.00 capped at 2.50 (§309 Nr. 5 BGB); 4 to 7 July:
        // 1190 × 4 × 6.27 / 36500 = 0.8177
        // paid in full on 7 July: 1190.00 + 2.50 + 0.82 = 1193.32
        // 2025-07-21 | – |      |      | paid invoices are not dunned
        assertThat(calendar.noticeFor(invoice, "2025-06-23")).isEqualTo(notice(1, "0.00", "0.00"));
        assertThat(calendar.noticeFor(invoice, "2025-07-07")).isEqualTo(notice(2, "2.50", "0.82"));
        pay(invoice, "1193.32", "2025-07-07")
                .then()
                .statusCode(201)
                .body("invoiceStatus", equalTo("PAID"))
                .body("allocation.credit", equalTo(0.00f));
        assertThat(calendar.noticeFor(invoice, "2025-07-21")).isNull();

        List<Map<String, Object>> notices = asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id() + "/dunning-notices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(notices).extracting(n -> n.get("level")).containsExactly(1, 2);
        assertThat(notices.get(1))
                .containsEntry("issuedOn", "2025-07-07")
                .containsEntry("interestFrom", "2025-07-03")
                .containsEntry("interestTo", "2025-07-07")
                .containsEntry("totalOwed", 1193.32f);
    }

    @Test
    void the_daily_run_duns_as_of_the_clocks_today() {
        Issued invoice = calendar.invoiceOn("2027-03-01", calendar.customer(CustomerType.BUSINESS));
        clock.set(Instant.parse("2027-03-22T05:30:00Z"));

        daily.runAsOfToday();

        invoiceShows(invoice, 1, "1190.00", "0.00", "0.00", "1190.00");
    }

    @Test
    void a_run_for_a_day_after_today_is_a_400_naming_as_of() {
        clock.set(Instant.parse("2027-05-01T10:00:00Z"));

        asAccountant()
                .body("{\"asOf\":\"2027-05-02\"}")
                .when()
                .post(API + "/dunning-runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("asOf"));
        asAccountant()
                .body("{\"asOf\":\"yesterday\"}")
                .when()
                .post(API + "/dunning-runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void the_notices_of_an_unknown_invoice_are_a_404() {
        asAccountant()
                .when()
                .get(API + "/invoices/" + UUID.randomUUID() + "/dunning-notices")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.Response pay(Issued invoice, String amount, String valueDate) {
        return asAccountant()
                .body("{\"invoiceNumber\":\"" + invoice.number() + "\",\"amount\":" + amount + ",\"valueDate\":\""
                        + valueDate + "\"}")
                .when()
                .post(API + "/payments");
    }

    private static void invoiceShows(
            Issued invoice, int level, String open, String fees, String interest, String total) {
        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .statusCode(200)
                .body("dunningLevel", equalTo(level))
                .body("openAmount", equalTo(Float.parseFloat(open)))
                .body("feesOpen", equalTo(Float.parseFloat(fees)))
                .body("interestOpen", equalTo(Float.parseFloat(interest)))
                .body("totalOpen", equalTo(Float.parseFloat(total)));
    }
}
