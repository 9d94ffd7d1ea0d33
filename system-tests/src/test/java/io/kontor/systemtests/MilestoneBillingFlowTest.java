package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.acceptedOffer;
import static io.kontor.systemtests.FlowSteps.awaitProjectFor;
import static io.kontor.systemtests.FlowSteps.invoicesFor;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.money;
import static io.kontor.systemtests.FlowSteps.offer;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flow 4 of EVENTS.md through the gateway: an offer sold for billing by milestones is not invoiced on acceptance; each
 * milestone project-office completes is invoiced by accounting for the milestone's amount, once.
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class MilestoneBillingFlowTest extends SystemTest {

    @Test
    void each_completed_milestone_is_invoiced_once_for_its_amount() {
        String customerId = registerCustomer("Meilenstein Bau AG");
        String sku = listProduct("Implementation day", "1000.00");
        String offerId = acceptedOffer(customerId, sku, 10, "MILESTONES");
        String projectId = (String) awaitProjectFor(customerId, offerId).get("id");

        String design = plan(projectId, "Fachkonzept", "2027-02-01", "4000.00");
        String build = plan(projectId, "Umsetzung", "2027-04-01", "6000.00");

        asAdmin()
                .post("/api/v1/projects/{id}/milestones/{mid}/complete", projectId, design)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"));
        Map<String, Object> first = await("the invoice for milestone Fachkonzept")
                .atMost(EVENT_DELIVERY)
                .until(() -> invoicesFor(customerId, offerId), invoices -> !invoices.isEmpty())
                .get(0);
        assertThat(first.get("origin")).isEqualTo("MILESTONE");
        assertThat(first.get("status")).isEqualTo("ISSUED");
        // The milestone's amount is net; the offer's VAT rate (19 %) comes on top.
        assertThat(money(first.get("netTotal"))).isEqualByComparingTo("4000.00");
        assertThat(money(first.get("grossTotal"))).isEqualByComparingTo("4760.00");

        // Completing it again is refused, and a moment later there is still one invoice: nothing billed twice.
        asAdmin()
                .post("/api/v1/projects/{id}/milestones/{mid}/complete", projectId, design)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        await("no second invoice for milestone Fachkonzept")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(30))
                .until(() -> invoicesFor(customerId, offerId).size() == 1);

        asAdmin()
                .post("/api/v1/projects/{id}/milestones/{mid}/complete", projectId, build)
                .then()
                .statusCode(200);
        List<Map<String, Object>> both = await("the invoice for milestone Umsetzung")
                .atMost(EVENT_DELIVERY)
                .until(() -> invoicesFor(customerId, offerId), invoices -> invoices.size() == 2);
        // Together the milestones bill exactly what the offer sold: 10 days at 1,000.00 net.
        BigDecimal billedNet =
                both.stream().map(invoice -> money(invoice.get("netTotal"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(billedNet).isEqualByComparingTo(money(offer(offerId).get("netTotal")));
        assertThat(billedNet).isEqualByComparingTo("10000.00");

        await("sales links both milestone invoices to offer " + offerId)
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() -> assertThat((List<Object>) offer(offerId).get("invoiceIds"))
                        .hasSize(2));
        assertThat(offer(offerId).get("paid")).isEqualTo(false);
    }

    private static String plan(String projectId, String name, String dueDate, String amount) {
        return asAdmin()
                .body("""
                        {"name": "%s", "dueDate": "%s", "amount": %s}
                        """.formatted(name, dueDate, amount))
                .post("/api/v1/projects/{id}/milestones", projectId)
                .then()
                .statusCode(201)
                .body("status", equalTo("PLANNED"))
                .extract()
                .path("id");
    }
}
