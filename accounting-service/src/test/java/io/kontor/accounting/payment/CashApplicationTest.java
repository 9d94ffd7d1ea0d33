package io.kontor.accounting.payment;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cash application with hand-computed figures: value dates before dunning notices (§286 BGB, default ends with
 * performance), collective payments (§366 BGB), set-off of credit (§387 BGB), reversals (GoBD: traceable, never
 * deleted) and refunds. Base rate 1.27 % from 1 July 2025; a business pays base rate + 9 = 10.27 % (§288 (2) BGB).
 */
@QuarkusTest
class CashApplicationTest {

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_payment_whose_value_date_precedes_a_notice_unwinds_that_notice_fee_and_interest() {
        UUID customer = sales.registerCustomer("Spätbucher GmbH", 14);
        // Issued 2 June 2025, due 16 June; reminder 23 June (pay by 3 July), level 2 on 7 July: 40.00 flat fee (§288
        // (5) BGB) and 1190 × 4 × 10.27 / 36500 = 1.34 interest for 4 to 7 July.
        Issued late = issueOn("2025-06-02", customer);
        Issued early = issueOn("2025-06-02", customer);
        dunOn("2025-06-23");
        dunOn("2025-07-07");
        invoiceOwes(late, "1190.00", "40.00", "1.34", "1231.34");

        // The customer paid on 5 July (value date); the bank statement arrives on 8 July. Level 2 went out after the
        // money had arrived: its 40.00 and 1.34 are not owed (unwound). Default began after 3 July, so 2 days of
        // interest are: 1190 × 2 × 10.27 / 36500 = 0.6697 → 0.67 (§288 BGB, §187 (1) BGB: 4 and 5 July).
        clock.set(Instant.parse("2025-07-08T08:00:00Z"));
        pay(late, "1190.67", "2025-07-05")
                .then()
                .statusCode(201)
                .body("allocation.fees", equalTo(0.00f))
                .body("allocation.interest", equalTo(0.67f))
                .body("allocation.principal", equalTo(1190.00f))
                .body("allocation.credit", equalTo(0.00f))
                .body("invoiceStatus", equalTo("PAID"));
        invoiceOwes(late, "0.00", "0.00", "0.00", "0.00");
        List<Map<String, Object>> notices = asAccountant()
                .get(API + "/invoices/" + late.id() + "/dunning-notices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(notices).extracting(n -> n.get("level")).containsExactly(1, 2);
        assertThat(notices.get(0).get("unwoundOn")).isNull();
        assertThat(notices.get(1).get("unwoundOn")).isEqualTo("2025-07-08");

        // Paid on 2 July, before the reminder's deadline: the debtor was never in default; no interest, no fee.
        pay(early, "1190.00", "2025-07-02")
                .then()
                .statusCode(201)
                .body("allocation.interest", equalTo(0.00f))
                .body("allocation.fees", equalTo(0.00f))
                .body("invoiceStatus", equalTo("PAID"));
        asAccountant()
                .get(API + "/invoices/" + early.id())
                .then()
                .body("dunningLevel", equalTo(1))
                .body("totalOpen", equalTo(0.00f));
    }

    @Test
    void a_collective_payment_follows_the_payers_designation_else_section_366_2_and_the_rest_is_credit() {
        UUID customer = sales.registerCustomer("Sammelzahler GmbH", 14);
        // A 119.00 and B 238.00 issued 5 January 2031 (due 19 January), C 357.00 on 1 February (due 15 February).
        Issued a = issueOn("2031-01-05", customer, "100.00");
        Issued b = issueOn("2031-01-05", customer, "200.00");
        Issued c = issueOn("2031-02-01", customer, "300.00");
        clock.set(Instant.parse("2031-02-03T08:00:00Z"));

        // §366 (1): the payer names A and C: A takes 119.00, C the remaining 281.00; B is untouched.
        JsonPath designated = collective("{\"amount\":400.00,\"valueDate\":\"2031-02-03\",\"reference\":\"Rechnungen "
                + a.number() + " und " + c.number() + "\"}");
        assertThat(designated.getString("rule")).isEqualTo("§366 (1) BGB");
        assertThat(designated.getList("parts.invoiceNumber")).containsExactly(a.number(), c.number());
        assertThat(designated.getList("parts.amount", Float.class)).containsExactly(119.00f, 281.00f);
        openOf(a, "0.00");
        openOf(b, "238.00");
        openOf(c, "76.00");

        // §366 (2) without a designation: the due B (due 19 January) before the not yet due C (due 15 February);
        // 300.00 = 238.00 to B, 62.00 to C (76.00 - 62.00 = 14.00 left).
        JsonPath undesignated =
                collective("{\"customerId\":\"" + customer + "\",\"amount\":300.00,\"valueDate\":\"2031-02-03\"}");
        assertThat(undesignated.getString("rule")).isEqualTo("§366 (2) BGB");
        assertThat(undesignated.getList("parts.invoiceNumber")).containsExactly(b.number(), c.number());
        openOf(b, "0.00");
        openOf(c, "14.00");

        // More than everything owed: 20.00 to C's 14.00, 6.00 to credit.
        JsonPath surplus =
                collective("{\"customerId\":\"" + customer + "\",\"amount\":20.00,\"valueDate\":\"2031-02-03\"}");
        assertThat(surplus.getFloat("toCredit")).isEqualTo(6.00f);
        asAccountant()
                .get(API + "/customers/" + customer + "/credit")
                .then()
                .statusCode(200)
                .body("credit", equalTo(6.00f));
    }

    @Test
    void an_allocation_exceeding_the_amount_received_is_a_400_naming_allocations_and_books_nothing() {
        UUID customer = sales.registerCustomer("Zuviel GmbH", 14);
        Issued a = issueOn("2031-03-02", customer, "100.00");
        Issued b = issueOn("2031-03-02", customer, "200.00");

        asAccountant()
                .body("{\"amount\":100.00,\"valueDate\":\"2031-03-03\",\"allocations\":[{\"invoiceNumber\":\""
                        + a.number() + "\",\"amount\":60.00},{\"invoiceNumber\":\"" + b.number()
                        + "\",\"amount\":50.00}]}")
                .post(API + "/payments/collective")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("allocations"));
        openOf(a, "119.00");
        openOf(b, "238.00");
    }

    @Test
    void credit_is_set_off_against_due_invoices_before_dunning_reversed_traceably_and_refunded() {
        UUID customer = sales.registerCustomer("Guthaben GmbH", 14);
        // D 119.00 issued 2 March 2031 (due 16 March); E 238.00 issued 9 March (due 23 March).
        Issued d = issueOn("2031-03-02", customer, "100.00");
        Issued e = issueOn("2031-03-09", customer, "200.00");
        clock.set(Instant.parse("2031-03-10T08:00:00Z"));
        // D is paid with 200.00: 81.00 too much. E is not due yet, so nothing can be set off (§387 BGB): credit.
        String paymentOfD = pay(d, "200.00", "2031-03-10")
                .then()
                .statusCode(201)
                .body("allocation.credit", equalTo(81.00f))
                .extract()
                .path("id");
        asAccountant().get(API + "/customers/" + customer + "/credit").then().body("credit", equalTo(81.00f));

        // E is due and unpaid; the dunning run on 30 March (reminder day) sets the credit off first and reminds of
        // the rest: 238.00 - 81.00 = 157.00.
        clock.set(Instant.parse("2031-03-30T08:00:00Z"));
        List<Map<String, Object>> notices = asAccountant()
                .body("{\"asOf\":\"2031-03-30\"}")
                .post(API + "/dunning-runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("notices.findAll { it.invoiceNumber == '" + e.number() + "' }");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("openAmount")).isEqualTo(157.00f);
        asAccountant().get(API + "/customers/" + customer + "/credit").then().body("credit", equalTo(0.00f));

        // The payment of D was booked wrongly: reversed. Its 81.00 credit was set off meanwhile: the reversal is
        // refused until the set-off is reversed (nothing is taken from a credit that is not there).
        asAccountant()
                .body("{\"reason\":\"falsch zugeordnet\"}")
                .post(API + "/payments/" + paymentOfD + "/reverse")
                .then()
                .statusCode(409);
        String setOff = QuarkusTransactionReads.setOffOf(e.id());
        clock.set(Instant.parse("2031-03-31T08:00:00Z"));
        asAccountant()
                .body("{\"reason\":\"Aufrechnung zurückgenommen\"}")
                .post(API + "/payments/" + setOff + "/reverse")
                .then()
                .statusCode(200)
                .body("source", equalTo("REVERSAL"))
                .body("amount", equalTo(-81.00f));
        openOf(e, "238.00");
        // GoBD: a booking is reversed once; the second attempt is a conflict and changes nothing.
        asAccountant()
                .body("{\"reason\":\"nochmal\"}")
                .post(API + "/payments/" + setOff + "/reverse")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        openOf(e, "238.00");

        clock.set(Instant.parse("2031-04-01T08:00:00Z"));
        // The credit is back (81.00); paying back more than that is a 400 naming amount, 81.00 is refunded.
        asAccountant()
                .body("{\"amount\":81.01}")
                .post(API + "/customers/" + customer + "/credit/refund")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("amount"));
        asAccountant()
                .body("{\"amount\":81.00,\"reference\":\"Überweisung an Kunde\"}")
                .post(API + "/customers/" + customer + "/credit/refund")
                .then()
                .statusCode(200)
                .body("credit", equalTo(0.00f))
                .body("movements.kind", org.hamcrest.Matchers.contains("OVERPAYMENT", "SET_OFF", "REVERSAL", "REFUND"));

        // Now D's payment can be reversed... no: its credit was refunded. Reversal stays refused.
        asAccountant()
                .body("{\"reason\":\"falsch zugeordnet\"}")
                .post(API + "/payments/" + paymentOfD + "/reverse")
                .then()
                .statusCode(409);
    }

    @Test
    void a_reversed_payment_leaves_both_rows_and_the_invoice_owes_again() {
        UUID customer = sales.registerCustomer("Storno GmbH", 14);
        Issued a = issueOn("2031-04-01", customer, "100.00");
        String id =
                pay(a, "119.00", "2031-04-02").then().statusCode(201).extract().path("id");
        openOf(a, "0.00");

        String reversal = asAccountant()
                .body("{\"reason\":\"Zahlung gehörte zu einem anderen Kunden\"}")
                .post(API + "/payments/" + id + "/reverse")
                .then()
                .statusCode(200)
                .body("invoiceStatus", equalTo("ISSUED"))
                .body("openAmount", equalTo(119.00f))
                .body("allocation.principal", equalTo(-119.00f))
                .extract()
                .path("id");
        openOf(a, "119.00");
        asAccountant().get(API + "/payments/" + id).then().statusCode(200).body("amount", equalTo(119.00f));
        asAccountant().get(API + "/payments/" + reversal).then().statusCode(200).body("id", notNullValue());
    }

    private Issued issueOn(String day, UUID customer) {
        return issueOn(day, customer, "100.00", "10");
    }

    private Issued issueOn(String day, UUID customer, String unitPrice) {
        return issueOn(day, customer, unitPrice, "1");
    }

    private Issued issueOn(String day, UUID customer, String unitPrice, String quantity) {
        clock.set(Instant.parse(day + "T08:00:00Z"));
        return Accounting.issue(customer, line("Beratung", quantity, unitPrice, "19"));
    }

    private void dunOn(String day) {
        clock.set(Instant.parse(day + "T08:00:00Z"));
        asAccountant()
                .body("{\"asOf\":\"" + day + "\"}")
                .post(API + "/dunning-runs")
                .then()
                .statusCode(200);
    }

    private static io.restassured.response.Response pay(Issued invoice, String amount, String valueDate) {
        return asAccountant()
                .body("{\"invoiceNumber\":\"" + invoice.number() + "\",\"amount\":" + amount + ",\"valueDate\":\""
                        + valueDate + "\"}")
                .post(API + "/payments");
    }

    private static JsonPath collective(String body) {
        return asAccountant()
                .body(body)
                .post(API + "/payments/collective")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static void openOf(Issued invoice, String total) {
        asAccountant()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .statusCode(200)
                .body("totalOpen", equalTo(Float.parseFloat(total)));
    }

    private static void invoiceOwes(Issued invoice, String principal, String fees, String interest, String total) {
        asAccountant()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .statusCode(200)
                .body("openAmount", equalTo(Float.parseFloat(principal)))
                .body("feesOpen", equalTo(Float.parseFloat(fees)))
                .body("interestOpen", equalTo(Float.parseFloat(interest)))
                .body("totalOpen", equalTo(Float.parseFloat(total)));
    }

    /** Reads what the API does not list: the set-off booking of an invoice. */
    static final class QuarkusTransactionReads {
        static String setOffOf(UUID invoiceId) {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> Payment.<Payment>find(
                                    "invoiceId = ?1 and source = ?2", invoiceId, Payment.Source.CREDIT_SET_OFF)
                            .firstResult()
                            .id
                            .toString());
        }
    }
}
