package io.kontor.accounting.dunning;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static io.kontor.accounting.dunning.DunningCalendar.notice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.accounting.DunningNoticeIssued;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A disputed invoice is passed over by dunning and resumes at its level when the dispute is resolved, the next step
 * waiting its full days from the resolution. Same configuration and invoice as {@link DunningTest}: 1190.00 to a
 * business, issued 2 June 2025, due 16 June, reminder 23 June; base rate 2.27 % to 30 June 2025, 1.27 % from 1 July.
 */
@QuarkusTest
class DisputedInvoiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @Inject
    ObjectMapper json;

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
    void a_disputed_invoice_is_not_dunned_and_after_the_resolution_dunning_goes_on_at_its_level() {
        Issued invoice = calendar.invoiceOn("2025-06-02", calendar.customer(CustomerType.BUSINESS));

        // day         | what                      | level | fee   | interest | hand computation
        // 2025-06-23  | run                       | 1     | 0.00  | 0.00     | the reminder: pay by 3 July, default
        // then
        // 2025-06-30  | customer disputes         |       |       |          |
        // 2025-07-07  | run                       | –     |       |          | level 2 was due today: disputed, passed
        // over
        // 2025-07-21  | run                       | –     |       |          |
        // 2025-07-24  | dispute resolved          |       |       |          | level 2 now waits 14 days: 7 August
        // 2025-08-06  | run                       | –     |       |          |
        // 2025-08-07  | run                       | 2     | 40.00 | 11.72    | 1190 × 35 × 10.27 / 36500 = 11.7190
        // (4 July to 7 August: interest from the day after the reminder's deadline, §286 (1) BGB; was 45 days
        // from the reminder's date before #16)
        assertThat(calendar.noticeFor(invoice, "2025-06-23")).isEqualTo(notice(1, "0.00", "0.00"));

        clock.set(Instant.parse("2025-06-30T09:00:00Z"));
        asAccountant()
                .body("{\"reason\":\"  Leistung unvollständig erbracht \"}")
                .when()
                .post(API + "/invoices/" + invoice.id() + "/dispute")
                .then()
                .statusCode(200)
                .body("disputed", equalTo(true))
                .body("disputeReason", equalTo("Leistung unvollständig erbracht"))
                .body("disputedSince", equalTo("2025-06-30"))
                .body("dunningLevel", equalTo(1));

        assertThat(calendar.noticeFor(invoice, "2025-07-07")).isNull();
        assertThat(calendar.noticeFor(invoice, "2025-07-21")).isNull();
        invoiceShows(invoice)
                .body("dunningLevel", equalTo(1))
                .body("feesOpen", equalTo(0.00f))
                .body("interestOpen", equalTo(0.00f))
                .body("disputed", equalTo(true));

        clock.set(Instant.parse("2025-07-24T09:00:00Z"));
        asAccountant()
                .when()
                .post(API + "/invoices/" + invoice.id() + "/dispute/resolve")
                .then()
                .statusCode(200)
                .body("disputed", equalTo(false))
                .body("disputeResolvedOn", equalTo("2025-07-24"))
                .body("disputeReason", equalTo("Leistung unvollständig erbracht"))
                .body("dunningLevel", equalTo(1));

        assertThat(calendar.noticeFor(invoice, "2025-08-06")).isNull();
        assertThat(calendar.noticeFor(invoice, "2025-08-07")).isEqualTo(notice(2, "40.00", "11.72"));
        invoiceShows(invoice).body("dunningLevel", equalTo(2)).body("totalOpen", equalTo(1241.72f));

        // Nothing went out while the invoice was disputed: the two notices are all its events.
        List<DunningNoticeIssued> published = await().atMost(PATIENCE)
                .until(
                        () -> Accounting.events(
                                invoice.id(), DunningNoticeIssued.TYPE, DunningNoticeIssued.class, json),
                        list -> list.size() >= 2);
        assertThat(published)
                .extracting(DunningNoticeIssued::level, DunningNoticeIssued::issuedOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, LocalDate.parse("2025-06-23")),
                        org.assertj.core.groups.Tuple.tuple(2, LocalDate.parse("2025-08-07")));
    }

    @Test
    void a_dispute_needs_a_reason_and_bad_input_changes_nothing() {
        Issued invoice = calendar.invoiceOn("2025-09-01", calendar.customer(CustomerType.BUSINESS));
        String dispute = API + "/invoices/" + invoice.id() + "/dispute";

        for (String body : new String[] {"{\"reason\":\"   \"}", "{}", "{\"reason\":\"" + "x".repeat(501) + "\"}"}) {
            asAccountant()
                    .body(body)
                    .when()
                    .post(dispute)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("reason"));
        }
        asAccountant()
                .when()
                .post(dispute)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));
        invoiceShows(invoice).body("disputed", equalTo(false)).body("disputeReason", nullValue());

        asAccountant()
                .body("{\"reason\":\"Preis\"}")
                .when()
                .post(API + "/invoices/" + UUID.randomUUID() + "/dispute")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asAccountant()
                .when()
                .post(API + "/invoices/" + UUID.randomUUID() + "/dispute/resolve")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void only_an_invoice_still_owed_can_be_disputed_once_and_only_a_disputed_one_resolved() {
        UUID customer = calendar.customer(CustomerType.BUSINESS);
        clock.set(Instant.parse("2025-10-01T08:00:00Z"));
        String draft = asAccountant()
                .body("{\"customerId\":\"" + customer + "\",\"lines\":[" + line("X", "1", "10", "19") + "]}")
                .when()
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Issued paid = Accounting.issue(customer, line("Beratung", "1", "100.00", "19"));
        asAccountant()
                .body("{\"invoiceNumber\":\"" + paid.number() + "\",\"amount\":119.00,\"valueDate\":\"2025-10-01\"}")
                .when()
                .post(API + "/payments")
                .then()
                .statusCode(201)
                .body("invoiceStatus", equalTo("PAID"));
        Issued cancelled = Accounting.issue(customer, line("Beratung", "1", "100.00", "19"));
        asAccountant()
                .when()
                .post(API + "/invoices/" + cancelled.id() + "/cancel")
                .then()
                .statusCode(200);
        Issued open = Accounting.issue(customer, line("Beratung", "1", "100.00", "19"));

        for (String id : List.of(draft, paid.id().toString(), cancelled.id().toString())) {
            asAccountant()
                    .body("{\"reason\":\"Preis\"}")
                    .when()
                    .post(API + "/invoices/" + id + "/dispute")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");
            invoiceShows(UUID.fromString(id)).body("disputed", equalTo(false));
        }
        asAccountant()
                .when()
                .post(API + "/invoices/" + open.id() + "/dispute/resolve")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("not disputed"));
        asAccountant()
                .body("{\"reason\":\"Preis\"}")
                .when()
                .post(API + "/invoices/" + open.id() + "/dispute")
                .then()
                .statusCode(200);
        asAccountant()
                .body("{\"reason\":\"Menge\"}")
                .when()
                .post(API + "/invoices/" + open.id() + "/dispute")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        invoiceShows(open.id()).body("disputed", equalTo(true)).body("disputeReason", equalTo("Preis"));
    }

    private static io.restassured.response.ValidatableResponse invoiceShows(Issued invoice) {
        return invoiceShows(invoice.id());
    }

    private static io.restassured.response.ValidatableResponse invoiceShows(UUID id) {
        Response response = asAccountant().when().get(API + "/invoices/" + id);
        return response.then().statusCode(200);
    }
}
