package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.acceptedOffer;
import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static io.kontor.systemtests.FlowSteps.draftOffer;
import static io.kontor.systemtests.FlowSteps.invoice;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.money;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static io.kontor.systemtests.FlowSteps.salesCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.testing.TestMail;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flow 2 of EVENTS.md through the gateway: an invoice nobody pays goes overdue and up the dunning ladder to level 3,
 * sales puts the customer on credit hold and refuses new offers, and once the invoice is paid the hold is lifted.
 *
 * <p>Dunning needs weeks to pass, and accounting refuses a run dated after its today: the platform's calendar is moved
 * forward ({@code LocalPlatform.shiftClock}) and back to the real time after the test.
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class DunningFlowTest extends SystemTest {

    @Test
    void three_notices_put_the_customer_on_credit_hold_until_the_invoice_is_paid() {
        String customerId = registerCustomer("Saumselig Handel GmbH", 14);
        String sku = listProduct("Audit day", "1000.00");
        String offerId = acceptedOffer(customerId, sku, 1, "ON_ACCEPTANCE");
        Map<String, Object> issued = awaitInvoiceFor(customerId, offerId);
        String invoiceId = (String) issued.get("id");
        String invoiceNumber = (String) issued.get("invoiceNumber");
        LocalDate dueDate = LocalDate.parse((String) issued.get("dueDate"));
        assertThat(dueDate)
                .isEqualTo(LocalDate.parse((String) issued.get("issueDate")).plusDays(14));

        // The ladder of accounting's configuration: reminder 7 days after the due date, level 2 and 3 each 14 days
        // later.
        LocalDate reminderDay = dueDate.plusDays(7);
        LocalDate level2Day = reminderDay.plusDays(14);
        LocalDate level3Day = level2Day.plusDays(14);
        FlowSteps.advance(level3Day);

        Map<String, Object> reminder = noticeFor(invoiceNumber, dun(reminderDay));
        assertThat(reminder.get("level")).isEqualTo(1);
        // §286 BGB: the reminder puts the debtor in default; it costs nothing yet.
        assertThat(money(reminder.get("fee"))).isEqualByComparingTo("0.00");
        assertThat(money(reminder.get("interest"))).isEqualByComparingTo("0.00");
        assertThat(invoice(invoiceId)).satisfies(overdue -> {
            assertThat(overdue.get("overdue")).isEqualTo(true);
            assertThat(overdue.get("dunningLevel")).isEqualTo(1);
        });
        // Running the same day again finds nothing more to do for this invoice.
        assertThat(dun(reminderDay))
                .noneSatisfy(notice -> assertThat(notice.get("invoiceNumber")).isEqualTo(invoiceNumber));

        Map<String, Object> second = noticeFor(invoiceNumber, dun(level2Day));
        assertThat(second.get("level")).isEqualTo(2);
        // §288 (5) BGB: a business in default owes the 40 EUR flat fee once, which absorbs the level fees up to 40 EUR.
        assertThat(money(second.get("fee"))).isEqualByComparingTo("40.00");
        assertThat(money(second.get("interest"))).isPositive();
        assertThat(salesCustomer(customerId).get("creditHold"))
                .as("no hold before level 3")
                .isEqualTo(false);

        Map<String, Object> third = noticeFor(invoiceNumber, dun(level3Day));
        assertThat(third.get("level")).isEqualTo(3);
        assertThat(money(third.get("interest"))).isPositive();

        Map<String, Object> dunned = invoice(invoiceId);
        assertThat(dunned.get("dunningLevel")).isEqualTo(3);
        BigDecimal owed = new BigDecimal("1190.00")
                .add(money(second.get("fee")))
                .add(money(third.get("fee")))
                .add(money(second.get("interest")))
                .add(money(third.get("interest")));
        assertThat(money(dunned.get("totalOpen"))).isEqualByComparingTo(owed);
        List<Map<String, Object>> notices = asAdmin()
                .get("/api/v1/accounting/invoices/{id}/dunning-notices", invoiceId)
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(notices).extracting(notice -> notice.get("level")).containsExactly(1, 2, 3);

        // §286 (1) BGB: the reminder must reach the debtor; each notice went out by mail with its letter, and the mail
        // in the customer's mailbox carries the file its delivery record names.
        String email = (String) salesCustomer(customerId).get("email");
        List<Map<String, Object>> noticeMails = await("the three notices mailed")
                .atMost(Duration.ofSeconds(90))
                .until(
                        () -> asAdmin()
                                .get("/api/v1/accounting/invoices/{id}/dunning-notices/deliveries", invoiceId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path(""),
                        mails -> mails.size() == 3
                                && mails.stream().allMatch(mail -> "SENT".equals(mail.get("status"))));
        for (Map<String, Object> mail : noticeMails) {
            TestMail.Received arrived = TestMail.awaitMessage(
                    platform.mail().imapPort(),
                    email,
                    m -> mail.get("messageId").equals(m.messageId()),
                    Duration.ofSeconds(60));
            assertThat(arrived.attachments())
                    .extracting(TestMail.Attachment::sha256)
                    .containsExactly((String) ((List<Map<String, Object>>) mail.get("attachments"))
                            .get(0)
                            .get("sha256"));
        }

        await("sales puts customer " + customerId + " on credit hold")
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() ->
                        assertThat(salesCustomer(customerId).get("creditHold")).isEqualTo(true));
        draftOffer(customerId, sku, 1, "ON_ACCEPTANCE")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("credit hold"));

        // The customer pays everything owed on the day of the last notice: principal, the flat fee and the interest.
        asAdmin()
                .body("""
                        {"invoiceNumber": "%s", "amount": %s, "valueDate": "%s", "payerName": "Saumselig Handel GmbH"}
                        """.formatted(invoiceNumber, owed.toPlainString(), level3Day))
                .post("/api/v1/accounting/payments")
                .then()
                .statusCode(201);
        assertThat(invoice(invoiceId)).satisfies(paid -> {
            assertThat(paid.get("status")).isEqualTo("PAID");
            assertThat(money(paid.get("totalOpen"))).isEqualByComparingTo("0.00");
        });

        await("sales lifts the credit hold of customer " + customerId)
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() ->
                        assertThat(salesCustomer(customerId).get("creditHold")).isEqualTo(false));
        draftOffer(customerId, sku, 1, "ON_ACCEPTANCE").then().statusCode(201).body("status", equalTo("DRAFT"));
    }

    /** Runs dunning as of {@code day}; answers the notices it issued (of every invoice on the platform). */
    private static List<Map<String, Object>> dun(LocalDate day) {
        return asAdmin()
                .body("{\"asOf\": \"" + day + "\"}")
                .post("/api/v1/accounting/dunning-runs")
                .then()
                .statusCode(200)
                .extract()
                .path("notices");
    }

    private static Map<String, Object> noticeFor(String invoiceNumber, List<Map<String, Object>> notices) {
        List<Map<String, Object>> ours = notices.stream()
                .filter(notice -> invoiceNumber.equals(notice.get("invoiceNumber")))
                .toList();
        assertThat(ours).as("notices for %s among %s", invoiceNumber, notices).hasSize(1);
        return ours.get(0);
    }
}
