package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.acceptedOffer;
import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static io.kontor.systemtests.FlowSteps.invoice;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.money;
import static io.kontor.systemtests.FlowSteps.offer;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Skonto and reversed payments through the gateway (issue #16). Two invoices of 1000.00 net at 19 % = 1190.00 with 2 %
 * Skonto within 10 days: the discount is 23.80, so 1166.20 is to be paid in time. Paid so by bank statement on the
 * issue day, the first is settled and the discount booked to SKR03 8736 (Gewährte Skonti 19 %: the tax base and the VAT
 * are reduced, §17 (1) UStG). The second, paid the same 1166.20 eleven days later, keeps 23.80 open (a late Skonto
 * deduction is a short payment). A paid invoice whose payment is reversed is unpaid again in sales too.
 */
class SkontoFlowTest extends SystemTest {

    private static final Charset ANSI = Charset.forName("windows-1252");

    @Test
    void skonto_paid_in_time_settles_the_invoice_and_paid_late_leaves_the_deduction_open() {
        String customerId = accountingCustomer("Skonto Nord GmbH");
        Map<String, Object> inTime = issueWithSkonto(customerId);
        Map<String, Object> late = issueWithSkonto(customerId);
        LocalDate today = LocalDate.parse((String) inTime.get("issueDate"));
        @SuppressWarnings("unchecked")
        Map<String, Object> skonto = (Map<String, Object>) inTime.get("skonto");
        assertThat(money(skonto.get("amount"))).isEqualByComparingTo("23.80");
        assertThat(money(skonto.get("payable"))).isEqualByComparingTo("1166.20");
        assertThat(skonto.get("deadline")).isEqualTo(today.plusDays(10).toString());
        // BT-20 of the XRechnung in XRechnung's Skonto notation.
        assertThat(asAdmin()
                        .get("/api/v1/accounting/invoices/{id}/xrechnung", inTime.get("id"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("#SKONTO#TAGE=10#PROZENT=2.00#");

        importCredit("1166.20", today, (String) inTime.get("invoiceNumber"));
        Map<String, Object> paid = invoice((String) inTime.get("id"));
        assertThat(paid.get("status")).isEqualTo("PAID");
        assertThat(money(paid.get("totalOpen"))).isEqualByComparingTo("0.00");

        // DATEV: bank 1200 to debtor 10000 for 1166.20, Skonto 8736 to 10000 for 23.80 (gross; DATEV takes out the
        // 3.80 VAT: 23.80 × 19 / 119).
        byte[] file = asAdmin()
                .get("/api/v1/accounting/datev/buchungsstapel?from=" + today + "&to=" + today + "&chart=SKR03")
                .then()
                .statusCode(200)
                .extract()
                .body()
                .asByteArray();
        List<List<String>> rows = Arrays.stream(new String(file, ANSI).split("\r\n"))
                .skip(2)
                .map(line -> Arrays.asList(line.split(";", -1)))
                .filter(fields -> fields.get(10).equals("\"" + inTime.get("invoiceNumber") + "\""))
                .map(fields -> List.of(fields.get(0), fields.get(6), fields.get(7)))
                .toList();
        assertThat(rows).contains(List.of("1166,20", "1200", "10000"), List.of("23,80", "8736", "10000"));

        // Eleven days later the Skonto period is over: 1166.20 leaves 23.80 open.
        FlowSteps.advance(today.plusDays(11));
        importCredit("1166.20", today.plusDays(11), (String) late.get("invoiceNumber"));
        Map<String, Object> shortPaid = invoice((String) late.get("id"));
        assertThat(shortPaid.get("status")).isEqualTo("PARTIALLY_PAID");
        assertThat(money(shortPaid.get("totalOpen"))).isEqualByComparingTo("23.80");
    }

    @Test
    void a_reversed_payment_makes_the_offer_unpaid_again_in_sales() {
        String customerId = accountingCustomer("Rückbuchung Süd GmbH");
        String offerId = acceptedOffer(customerId, listProduct("Workshop", "500.00"), 2, "ON_ACCEPTANCE");
        Map<String, Object> billed = awaitInvoiceFor(customerId, offerId);
        String paymentId = asAdmin()
                .body("{\"invoiceNumber\":\"%s\",\"amount\":%s,\"valueDate\":\"%s\"}"
                        .formatted(billed.get("invoiceNumber"), billed.get("grossTotal"), billed.get("issueDate")))
                .post("/api/v1/accounting/payments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await("sales sees the offer paid")
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() -> assertThat(offer(offerId).get("paid")).isEqualTo(true));

        asAdmin()
                .body("{\"reason\":\"Zahlung eines anderen Kunden\"}")
                .post("/api/v1/accounting/payments/{id}/reverse", paymentId)
                .then()
                .statusCode(200);

        assertThat(invoice((String) billed.get("id")).get("status")).isEqualTo("ISSUED");
        await("sales sees the offer unpaid again")
                .atMost(EVENT_DELIVERY)
                .untilAsserted(() -> assertThat(offer(offerId).get("paid")).isEqualTo(false));
    }

    private static void importCredit(String amount, LocalDate valueDate, String invoiceNumber) {
        asAdmin()
                .contentType(ContentType.XML)
                .body(FlowSteps.Camt053.ofSellersAccount()
                        .credit(new BigDecimal(amount), valueDate, "Skonto Nord GmbH", "Rechnung " + invoiceNumber)
                        .xml())
                .post("/api/v1/accounting/bank-statements")
                .then()
                .statusCode(200);
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

    /** A manual invoice of 1000.00 net at 19 % with 2 % Skonto within 10 days, issued today. */
    private static Map<String, Object> issueWithSkonto(String customerId) {
        String id = asAdmin()
                .body(
                        "{\"customerId\":\"%s\",\"lines\":[{\"description\":\"Beratung\",\"quantity\":1,\"unitPrice\":1000.00,\"vatRate\":19}],\"skontoPercent\":2,\"skontoDays\":10}"
                                .formatted(customerId))
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
}
