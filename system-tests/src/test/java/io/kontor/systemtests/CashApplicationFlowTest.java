package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.invoice;
import static io.kontor.systemtests.FlowSteps.money;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cash application through the gateway (issue #16), with figures computed by hand: a collective transfer split by the
 * payer's designation (§366 (1) BGB) and by the law's order (§366 (2)), credit set off against a due invoice (§387
 * BGB), reversals that leave a trace and refuse a second time (GoBD), and a payment whose value date precedes a dunning
 * notice, which unwinds that notice's fee and interest (§286 BGB: default ends with performance). Default interest:
 * base rate 1.27 % (the last configured, from 1 January 2026) + 9 points = 10.27 % for a business (§288 (2) BGB).
 */
class CashApplicationFlowTest extends SystemTest {

    @Test
    void a_collective_transfer_is_split_credit_is_set_off_and_bookings_are_reversed_once() {
        String customerId = accountingCustomer("Sammelzahler Nord GmbH");
        Map<String, Object> a = issue(customerId, "100.00"); // 119.00
        Map<String, Object> b = issue(customerId, "200.00"); // 238.00
        Map<String, Object> c = issue(customerId, "300.00"); // 357.00
        LocalDate today = LocalDate.parse((String) a.get("issueDate"));

        // The payer names A and C in one transfer of 400.00: A takes its 119.00, C the other 281.00 (76.00 left).
        Map<String, Object> imported = asAdmin()
                .contentType(ContentType.XML)
                .body(FlowSteps.Camt053.ofSellersAccount()
                        .credit(
                                new BigDecimal("400.00"),
                                today,
                                "Sammelzahler Nord GmbH",
                                "Rechnungen " + a.get("invoiceNumber") + " " + c.get("invoiceNumber"))
                        .xml())
                .post("/api/v1/accounting/bank-statements")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        @SuppressWarnings("unchecked")
        Map<String, Object> matched = ((List<Map<String, Object>>) imported.get("matched")).get(0);
        assertThat(matched.get("by")).isEqualTo("INVOICE_NUMBERS");
        String entryId = (String) matched.get("entryId");
        assertThat(totalOpen(a)).isEqualByComparingTo("0.00");
        assertThat(totalOpen(b)).isEqualByComparingTo("238.00");
        assertThat(totalOpen(c)).isEqualByComparingTo("76.00");

        // Without a designation (§366 (2) BGB): B and C are equally due, equally old: B (the lower number) first.
        // 300.00 = 238.00 to B + 62.00 to C (14.00 left).
        Map<String, Object> collective = asAdmin()
                .body("{\"customerId\":\"%s\",\"amount\":300.00,\"valueDate\":\"%s\"}".formatted(customerId, today))
                .post("/api/v1/accounting/payments/collective")
                .then()
                .statusCode(201)
                .extract()
                .path("");
        assertThat(collective.get("rule")).isEqualTo("§366 (2) BGB");
        assertThat(totalOpen(b)).isEqualByComparingTo("0.00");
        assertThat(totalOpen(c)).isEqualByComparingTo("14.00");

        // Allocations beyond the amount received: 400 naming the field, nothing booked.
        asAdmin()
                .body(
                        "{\"amount\":10.00,\"valueDate\":\"%s\",\"allocations\":[{\"invoiceNumber\":\"%s\",\"amount\":20.00}]}"
                                .formatted(today, c.get("invoiceNumber")))
                .post("/api/v1/accounting/payments/collective")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("allocations"));
        assertThat(totalOpen(c)).isEqualByComparingTo("14.00");

        // 50.00 for C's 14.00: 36.00 credit. D (119.00) is not due yet, so nothing is set off (§387 BGB).
        asAdmin()
                .body("{\"invoiceNumber\":\"%s\",\"amount\":50.00,\"valueDate\":\"%s\"}"
                        .formatted(c.get("invoiceNumber"), today))
                .post("/api/v1/accounting/payments")
                .then()
                .statusCode(201);
        Map<String, Object> d = issue(customerId, "100.00");
        assertThat(credit(customerId)).isEqualByComparingTo("36.00");

        // Once D is due (14 days), the credit is set off: 119.00 - 36.00 = 83.00.
        FlowSteps.advance(today.plusDays(15));
        List<Map<String, Object>> setOffs = asAdmin()
                .post("/api/v1/accounting/customers/{id}/credit/set-off", customerId)
                .then()
                .statusCode(200)
                .extract()
                .path("setOffs");
        assertThat(setOffs).singleElement().satisfies(setOff -> {
            assertThat(setOff.get("invoiceNumber")).isEqualTo(d.get("invoiceNumber"));
            assertThat(money(setOff.get("amount"))).isEqualByComparingTo("36.00");
        });
        assertThat(totalOpen(d)).isEqualByComparingTo("83.00");
        assertThat(credit(customerId)).isEqualByComparingTo("0.00");

        // The set-off is reversed (GoBD: a reversal booking, the original stays): D owes 119.00 again, the credit is
        // back; a second reversal is refused.
        String setOffId = (String) setOffs.get(0).get("id");
        asAdmin()
                .body("{\"reason\":\"Kunde wünscht Auszahlung\"}")
                .post("/api/v1/accounting/payments/{id}/reverse", setOffId)
                .then()
                .statusCode(200);
        assertThat(totalOpen(d)).isEqualByComparingTo("119.00");
        assertThat(credit(customerId)).isEqualByComparingTo("36.00");
        asAdmin()
                .body("{\"reason\":\"nochmal\"}")
                .post("/api/v1/accounting/payments/{id}/reverse", setOffId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        asAdmin()
                .get("/api/v1/accounting/payments/{id}", setOffId)
                .then()
                .statusCode(200)
                .body("source", org.hamcrest.Matchers.equalTo("CREDIT_SET_OFF"));

        // The statement's assignment is reversed: A owes 119.00 again, C the 281.00 the entry had paid (its later
        // 62.00 and 14.00 stay); the entry is back in clearing, and reversing it again is a conflict.
        asAdmin()
                .body("{\"reason\":\"Zahlung eines anderen Kunden\"}")
                .post("/api/v1/accounting/bank-statements/entries/{id}/reverse", entryId)
                .then()
                .statusCode(200);
        assertThat(totalOpen(a)).isEqualByComparingTo("119.00");
        assertThat(totalOpen(c)).isEqualByComparingTo("281.00");
        asAdmin()
                .body("{\"reason\":\"nochmal\"}")
                .post("/api/v1/accounting/bank-statements/entries/{id}/reverse", entryId)
                .then()
                .statusCode(409);
    }

    @Test
    void a_payment_with_a_value_date_before_a_notice_does_not_pay_that_notices_fee_and_interest() {
        String customerId = accountingCustomer("Wertstellung Süd GmbH");
        Map<String, Object> issued = issue(customerId, "1000.00"); // 1190.00
        LocalDate dueDate = LocalDate.parse((String) issued.get("dueDate"));
        LocalDate reminderDay = dueDate.plusDays(7); // pay by reminderDay + 10
        LocalDate level2Day = reminderDay.plusDays(14);
        FlowSteps.advance(level2Day);
        dun(reminderDay);
        dun(level2Day);
        // Level 2: 40.00 flat fee (§288 (5) BGB) and 4 days of interest after the reminder's deadline:
        // 1190 × 4 × 10.27 / 36500 = 1.3393 → 1.34.
        Map<String, Object> dunned = invoice((String) issued.get("id"));
        assertThat(money(dunned.get("feesOpen"))).isEqualByComparingTo("40.00");
        assertThat(money(dunned.get("interestOpen"))).isEqualByComparingTo("1.34");
        assertThat(money(dunned.get("totalOpen"))).isEqualByComparingTo("1231.34");

        // The money arrived two days after the reminder's deadline, before level 2 (imported late): level 2 is
        // unwound, 2 days of interest are owed: 1190 × 2 × 10.27 / 36500 = 0.6697 → 0.67; 1190.67 settles it all.
        LocalDate valueDate = reminderDay.plusDays(12);
        Map<String, Object> booked = asAdmin()
                .body("{\"invoiceNumber\":\"%s\",\"amount\":1190.67,\"valueDate\":\"%s\"}"
                        .formatted(issued.get("invoiceNumber"), valueDate))
                .post("/api/v1/accounting/payments")
                .then()
                .statusCode(201)
                .extract()
                .path("");
        @SuppressWarnings("unchecked")
        Map<String, Object> allocation = (Map<String, Object>) booked.get("allocation");
        assertThat(money(allocation.get("fees"))).isEqualByComparingTo("0.00");
        assertThat(money(allocation.get("interest"))).isEqualByComparingTo("0.67");
        assertThat(money(allocation.get("principal"))).isEqualByComparingTo("1190.00");
        assertThat(booked.get("invoiceStatus")).isEqualTo("PAID");
        List<Map<String, Object>> notices = asAdmin()
                .get("/api/v1/accounting/invoices/{id}/dunning-notices", issued.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(notices).extracting(n -> n.get("level")).containsExactly(1, 2);
        assertThat(notices.get(1).get("unwoundOn")).isNotNull();
    }

    /** A business customer registered in sales and known to accounting's replica. */
    private static String accountingCustomer(String name) {
        String customerId = registerCustomer(name, 14);
        await("accounting knows customer " + customerId)
                .atMost(EVENT_DELIVERY)
                .until(() -> asAdmin()
                                .get("/api/v1/accounting/customers/{id}", customerId)
                                .statusCode()
                        == 200);
        return customerId;
    }

    /** A manual invoice of one line at 19 %, issued today. */
    private static Map<String, Object> issue(String customerId, String net) {
        String id = asAdmin()
                .body(
                        "{\"customerId\":\"%s\",\"lines\":[{\"description\":\"Beratung\",\"quantity\":1,\"unitPrice\":%s,\"vatRate\":19}]}"
                                .formatted(customerId, net))
                .post("/api/v1/accounting/invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return asAdmin()
                .post("/api/v1/accounting/invoices/{id}/issue", id)
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    private static BigDecimal totalOpen(Map<String, Object> issued) {
        return money(invoice((String) issued.get("id")).get("totalOpen"));
    }

    private static BigDecimal credit(String customerId) {
        return money(asAdmin()
                .get("/api/v1/accounting/customers/{id}/credit", customerId)
                .then()
                .statusCode(200)
                .extract()
                .path("credit"));
    }

    private static void dun(LocalDate day) {
        asAdmin()
                .body("{\"asOf\": \"" + day + "\"}")
                .post("/api/v1/accounting/dunning-runs")
                .then()
                .statusCode(200);
    }
}
