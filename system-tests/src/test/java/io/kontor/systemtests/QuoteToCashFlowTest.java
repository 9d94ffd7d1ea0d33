package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.acceptedOffer;
import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static io.kontor.systemtests.FlowSteps.awaitProjectFor;
import static io.kontor.systemtests.FlowSteps.invoice;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.money;
import static io.kontor.systemtests.FlowSteps.offer;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flow 1 of EVENTS.md, quote to cash, end to end through the gateway: a customer accepts an offer; accounting invoices
 * it and project-office proposes a kick-off; the bank statement that pays the invoice is imported; the invoice is paid,
 * and sales sees the offer paid and has an after-sale call planned.
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class QuoteToCashFlowTest extends SystemTest {

    @Test
    void an_accepted_offer_is_invoiced_paid_by_bank_statement_and_followed_up_by_sales() {
        String customerId = registerCustomer("Elbe Logistik GmbH");
        String sku = listProduct("Rollout day", "950.00");
        String offerId = acceptedOffer(customerId, sku, 4, "ON_ACCEPTANCE");

        Map<String, Object> issued = awaitInvoiceFor(customerId, offerId);
        // 4 days at 950.00 plus 19 % VAT
        assertThat(money(issued.get("grossTotal"))).isEqualByComparingTo("4522.00");
        assertThat(issued.get("status")).isEqualTo("ISSUED");
        String invoiceId = (String) issued.get("id");
        String invoiceNumber = (String) issued.get("invoiceNumber");

        Map<String, Object> project = awaitProjectFor(customerId, offerId);
        assertThat(project.get("kickoffStatus")).isEqualTo("PROPOSED");

        await("sales links invoice " + invoiceNumber + " to its offer")
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() -> assertThat((List<Object>) offer(offerId).get("invoiceIds"))
                        .containsExactly(invoiceId));
        assertThat(offer(offerId).get("paid")).isEqualTo(false);

        LocalDate valueDate = LocalDate.parse((String) issued.get("issueDate")).plusDays(3);
        String statement = FlowSteps.Camt053.ofSellersAccount()
                .credit(
                        new BigDecimal("4522.00"),
                        valueDate,
                        "Elbe Logistik GmbH",
                        "Rechnung " + invoiceNumber + " Danke")
                .xml();
        Map<String, Object> imported = asAdmin()
                .contentType(ContentType.XML)
                .body(statement)
                .post("/api/v1/accounting/bank-statements")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(imported.get("entries")).isEqualTo(1);
        assertThat((List<Map<String, Object>>) imported.get("matched"))
                .singleElement()
                .satisfies(match -> {
                    assertThat(match.get("invoiceNumber")).isEqualTo(invoiceNumber);
                    assertThat(money(match.get("amount"))).isEqualByComparingTo("4522.00");
                });
        assertThat((List<?>) imported.get("unmatched")).isEmpty();

        Map<String, Object> paid = invoice(invoiceId);
        assertThat(paid.get("status")).isEqualTo("PAID");
        assertThat(money(paid.get("paidAmount"))).isEqualByComparingTo("4522.00");
        assertThat(money(paid.get("openAmount"))).isEqualByComparingTo("0.00");

        await("sales marks offer " + offerId + " paid")
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() -> assertThat(offer(offerId).get("paid")).isEqualTo(true));
        Map<String, Object> followUp = await("the after-sale follow-up for " + invoiceNumber)
                .atMost(EVENT_DELIVERY)
                .until(() -> followUps(customerId, "AFTER_PAYMENT"), found -> found.size() == 1)
                .get(0);
        assertThat(followUp.get("status")).isEqualTo("OPEN");
        assertThat(followUp.get("offerId")).isEqualTo(offerId);
        assertThat(followUp.get("invoiceId")).isEqualTo(invoiceId);
        assertThat(LocalDate.parse((String) followUp.get("dueOn"))).isAfter(valueDate);
        assertThat((String) followUp.get("reason")).contains(invoiceNumber);

        // The same statement again (a bank re-sends a day): nothing is booked twice.
        Map<String, Object> again = asAdmin()
                .contentType(ContentType.XML)
                .body(statement)
                .post("/api/v1/accounting/bank-statements")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat((List<?>) again.get("matched")).isEmpty();
        assertThat((List<?>) again.get("alreadyImported")).hasSize(1);
        assertThat(money(invoice(invoiceId).get("paidAmount"))).isEqualByComparingTo("4522.00");
    }

    private static List<Map<String, Object>> followUps(String customerId, String kind) {
        List<Map<String, Object>> followUps = asAdmin()
                .queryParam("customerId", customerId)
                .queryParam("status", "OPEN")
                .get("/api/v1/sales/follow-ups")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return followUps.stream()
                .filter(followUp -> kind.equals(followUp.get("kind")))
                .toList();
    }
}
