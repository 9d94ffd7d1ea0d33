package io.kontor.sales.accounting;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.createOfferIn;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.offerBody;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.kontor.sales.SalesApi.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.kontor.platform.events.accounting.DunningNoticeIssued;
import io.kontor.platform.events.accounting.InvoiceCancelled;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.events.accounting.InvoiceOverdue;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.accounting.PaymentReversed;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Plays accounting: puts its invoice events on {@code accounting.invoices} and watches what sales makes of them. */
@QuarkusTest
class InvoiceEventsTest {

    private static final String ACCOUNTING = "accounting-service";
    private static final String CUSTOMER_UPDATED = "kontor.sales.customer-updated.v1";

    @Inject
    TestEvents events;

    @Test
    void an_issued_invoice_is_linked_to_its_offer_and_its_payment_marks_the_offer_paid_and_plans_one_after_sale_call() {
        String offerId = createOfferIn("ACCEPTED");
        JsonPath offer = offer(offerId);
        UUID customerId = UUID.fromString(offer.getString("customerId"));
        UUID invoiceId = UUID.randomUUID();
        // Accounting's report about an invoice of no offer sales knows goes by without stopping the consumer.
        events.send(
                ACCOUNTING,
                new InvoicePaid(
                        UUID.randomUUID(), "RE-2026-009999", UUID.randomUUID(), UUID.randomUUID(), LocalDate.now()));

        events.send(ACCOUNTING, issued(invoiceId, customerId, UUID.fromString(offerId)));

        JsonPath linked = awaitOffer(offerId, o -> o.getList("invoiceIds").contains(invoiceId.toString()));
        assertThat(linked.getBoolean("paid")).isFalse();
        assertThat(linked.getString("invoices[0].invoiceNumber")).isEqualTo("RE-2026-000815");
        assertThat(linked.getString("invoices[0].status")).isEqualTo("ISSUED");

        InvoicePaid paid = new InvoicePaid(
                invoiceId, "RE-2026-000815", customerId, UUID.fromString(offerId), LocalDate.parse("2026-05-04"));
        events.send(ACCOUNTING, paid);
        events.send(ACCOUNTING, paid); // the same fact again under another event id: still one after-sale call

        JsonPath settled = awaitOffer(offerId, o -> o.getBoolean("paid"));
        assertThat(settled.getString("invoices[0].status")).isEqualTo("PAID");
        List<Map<String, String>> followUps = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> rows(
                                "select kind, due_on, status, reason from follow_up where invoice_id = ?", invoiceId),
                        r -> !r.isEmpty());
        assertThat(followUps).hasSize(1);
        assertThat(followUps.get(0))
                .containsEntry("kind", "AFTER_PAYMENT")
                .containsEntry("status", "OPEN")
                .containsEntry("due_on", "2026-05-11"); // paid on 4 May + 7 days
        assertThat(followUps.get(0).get("reason")).contains("RE-2026-000815").contains(offer.getString("offerNumber"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> rows("select 1 from follow_up where invoice_id = ?", invoiceId)
                                .size()
                        == 1);
    }

    @Test
    void a_third_dunning_notice_puts_the_customer_on_credit_hold_and_new_offers_are_refused() {
        String customerId = registerCustomer("Mahnstufe Drei GmbH").getString("id");
        UUID invoiceId = UUID.randomUUID();
        events.send(ACCOUNTING, notice(invoiceId, customerId, 2));
        String sku = createProduct("Beratung", "100.00", 19);

        events.send(ACCOUNTING, notice(invoiceId, customerId, 3));

        awaitCreditHold(customerId, true);
        as("sales")
                .body(offerBody(customerId, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]"))
                .post("/offers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("credit hold"));
        JsonPath published =
                json(awaitEvent("sales.customers", customerId, CUSTOMER_UPDATED).value());
        assertThat(published.getBoolean("creditHold")).isTrue();
    }

    @Test
    void the_hold_is_lifted_when_the_last_overdue_invoice_is_paid_not_before() {
        String customerId = registerCustomer("Zahlt Spät GmbH").getString("id");
        UUID dunned = UUID.randomUUID();
        UUID alsoOverdue = UUID.randomUUID();
        events.send(
                ACCOUNTING,
                new InvoiceOverdue(
                        alsoOverdue,
                        "RE-2026-000902",
                        UUID.fromString(customerId),
                        LocalDate.now().minusDays(3),
                        new BigDecimal("119.00"),
                        "EUR"));
        events.send(ACCOUNTING, notice(dunned, customerId, 3));
        awaitCreditHold(customerId, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> overdueInvoices(customerId) == 2);

        events.send(
                ACCOUNTING,
                new InvoicePaid(dunned, "RE-2026-000901", UUID.fromString(customerId), null, LocalDate.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> overdueInvoices(customerId) == 1);
        as("sales").get("/customers/" + customerId).then().body("creditHold", org.hamcrest.Matchers.equalTo(true));

        events.send(
                ACCOUNTING,
                new InvoicePaid(alsoOverdue, "RE-2026-000902", UUID.fromString(customerId), null, LocalDate.now()));

        awaitCreditHold(customerId, false);
        String sku = createProduct("Beratung", "100.00", 19);
        as("sales")
                .body(offerBody(customerId, "[{\"sku\": \"" + sku + "\", \"quantity\": 1}]"))
                .post("/offers")
                .then()
                .statusCode(201);
    }

    @Test
    void a_cancelled_invoice_reopens_the_done_follow_up_and_the_offer_is_no_longer_paid() {
        String offerId = createOfferIn("ACCEPTED");
        UUID customerId = UUID.fromString(offer(offerId).getString("customerId"));
        UUID invoiceId = UUID.randomUUID();
        events.send(ACCOUNTING, issued(invoiceId, customerId, UUID.fromString(offerId)));
        events.send(
                ACCOUNTING,
                new InvoicePaid(invoiceId, "RE-2026-000815", customerId, UUID.fromString(offerId), LocalDate.now()));
        awaitOffer(offerId, o -> o.getBoolean("paid"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !rows("select 1 from follow_up where invoice_id = ?", invoiceId)
                        .isEmpty());
        rows(
                "update follow_up set status = 'DONE', note = 'zufrieden', completed_at = now() where invoice_id = ?",
                invoiceId);

        events.send(
                ACCOUNTING,
                new InvoiceCancelled(
                        invoiceId, "RE-2026-000815", "GS-2026-000007", customerId, UUID.fromString(offerId)));

        JsonPath cancelled = awaitOffer(offerId, o -> "CANCELLED".equals(o.getString("invoices[0].status")));
        assertThat(cancelled.getBoolean("paid")).isFalse();
        Map<String, String> reopened = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> rows("select status, due_on, reason, note from follow_up where invoice_id = ?", invoiceId)
                                .get(0),
                        row -> row.get("status").equals("OPEN"));
        assertThat(reopened.get("reason")).contains("GS-2026-000007");
        assertThat(reopened.get("due_on"))
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")).toString());
        assertThat(reopened.get("note")).isEqualTo("zufrieden");
    }

    @Test
    void a_reversed_payment_makes_the_offer_unpaid_closes_the_after_sale_call_and_puts_the_hold_back() {
        String offerId = createOfferIn("ACCEPTED");
        UUID customerId = UUID.fromString(offer(offerId).getString("customerId"));
        UUID invoiceId = UUID.randomUUID();
        events.send(ACCOUNTING, issued(invoiceId, customerId, UUID.fromString(offerId)));
        events.send(ACCOUNTING, notice(invoiceId, customerId.toString(), 3));
        awaitCreditHold(customerId.toString(), true);
        events.send(
                ACCOUNTING,
                new InvoicePaid(invoiceId, "RE-2026-000815", customerId, UUID.fromString(offerId), LocalDate.now()));
        awaitOffer(offerId, o -> o.getBoolean("paid"));
        awaitCreditHold(customerId.toString(), false);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !rows("select 1 from follow_up where invoice_id = ?", invoiceId)
                        .isEmpty());

        // The payment came back (a chargeback): the invoice is owed again, past due at dunning level 3.
        events.send(
                ACCOUNTING,
                new PaymentReversed(
                        invoiceId,
                        "RE-2026-000815",
                        customerId,
                        UUID.fromString(offerId),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        new BigDecimal("238.00"),
                        "EUR",
                        LocalDate.now(),
                        "returned by the bank, AC04",
                        true,
                        "ISSUED",
                        new BigDecimal("278.00"),
                        true,
                        3));

        JsonPath unpaid = awaitOffer(offerId, o -> !o.getBoolean("paid"));
        assertThat(unpaid.getString("invoices[0].status")).isEqualTo("ISSUED");
        awaitCreditHold(customerId.toString(), true);
        Map<String, String> followUp = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> rows("select status, note from follow_up where invoice_id = ?", invoiceId)
                                .get(0),
                        row -> row.get("status").equals("DONE"));
        assertThat(followUp.get("note")).contains("reversed").contains("AC04");
    }

    @Test
    void a_reversal_that_leaves_the_invoice_paid_changes_nothing_in_sales() {
        String offerId = createOfferIn("ACCEPTED");
        UUID customerId = UUID.fromString(offer(offerId).getString("customerId"));
        UUID invoiceId = UUID.randomUUID();
        events.send(ACCOUNTING, issued(invoiceId, customerId, UUID.fromString(offerId)));
        events.send(
                ACCOUNTING,
                new InvoicePaid(invoiceId, "RE-2026-000815", customerId, UUID.fromString(offerId), LocalDate.now()));
        awaitOffer(offerId, o -> o.getBoolean("paid"));

        // A surplus booking reversed: the invoice itself stays paid.
        events.send(
                ACCOUNTING,
                new PaymentReversed(
                        invoiceId,
                        "RE-2026-000815",
                        customerId,
                        UUID.fromString(offerId),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        new BigDecimal("10.00"),
                        "EUR",
                        LocalDate.now(),
                        "doppelt gebucht",
                        true,
                        "PAID",
                        new BigDecimal("0.00"),
                        false,
                        0));

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> offer(offerId).getBoolean("paid"));
    }

    private static InvoiceIssued issued(UUID invoiceId, UUID customerId, UUID offerId) {
        return new InvoiceIssued(
                invoiceId,
                "RE-2026-000815",
                customerId,
                offerId,
                LocalDate.now(),
                LocalDate.now().plusDays(30),
                new BigDecimal("200.00"),
                new BigDecimal("38.00"),
                new BigDecimal("238.00"),
                "EUR",
                null,
                null,
                null);
    }

    private static DunningNoticeIssued notice(UUID invoiceId, String customerId, int level) {
        return new DunningNoticeIssued(
                invoiceId,
                "RE-2026-000901",
                UUID.fromString(customerId),
                level,
                new BigDecimal("40.00"),
                new BigDecimal("3.12"),
                new BigDecimal("238.00"),
                "EUR",
                LocalDate.now());
    }

    private static JsonPath offer(String id) {
        return json(as("sales")
                .get("/offers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static JsonPath awaitOffer(String id, Predicate<JsonPath> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> offer(id), condition::test);
    }

    private static void awaitCreditHold(String customerId, boolean onHold) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> as("sales")
                                .get("/customers/" + customerId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Boolean>path("creditHold"),
                        hold -> hold == onHold);
    }

    private static int overdueInvoices(String customerId) {
        return rows("select 1 from overdue_invoice where customer_id = ?", UUID.fromString(customerId))
                .size();
    }
}
