package io.kontor.accounting.payment;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.accounting.PaymentReceived;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class PaymentTest {

    private static final String PAYMENTS = API + "/payments";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    SalesEvents sales;

    @Inject
    ObjectMapper json;

    UUID customerId;
    Issued invoice;

    @BeforeEach
    void anIssuedInvoiceOf1190Gross() {
        customerId = sales.registerCustomer("Zahlt GmbH", 14);
        invoice = Accounting.issue(customerId, line("Wartung", "1", "1000.00", "19"));
    }

    @Test
    void a_partial_payment_then_the_rest_moves_the_invoice_from_issued_to_partially_paid_to_paid() {
        pay(invoice.number(), "400.00", "2030-07-01")
                .then()
                .statusCode(201)
                .body("allocation.principal", equalTo(400.00f))
                .body("invoiceStatus", equalTo("PARTIALLY_PAID"))
                .body("openAmount", equalTo(790.00f));
        invoiceShows("PARTIALLY_PAID", "400.00", "790.00");

        pay(invoice.number(), "790.00", "2030-07-03")
                .then()
                .statusCode(201)
                .body("invoiceStatus", equalTo("PAID"))
                .body("openAmount", equalTo(0.00f))
                .body("allocation.credit", equalTo(0.00f));
        invoiceShows("PAID", "1190.00", "0.00");
    }

    @Test
    void each_payment_is_published_and_the_one_that_settles_the_invoice_also_publishes_invoice_paid() {
        String first = pay(invoice.number(), "190.00", "2030-07-01")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = pay(invoice.number(), "1000.00", "2030-07-02")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        List<PaymentReceived> received = await().atMost(PATIENCE)
                .until(
                        () -> Accounting.events(invoice.id(), PaymentReceived.TYPE, PaymentReceived.class, json),
                        list -> list.size() == 2);
        assertThat(received)
                .extracting(PaymentReceived::paymentId)
                .containsExactly(UUID.fromString(first), UUID.fromString(second));
        assertThat(received)
                .extracting(PaymentReceived::openAmount)
                .containsExactly(new BigDecimal("1000.00"), new BigDecimal("0.00"));
        List<InvoicePaid> paid = await().atMost(PATIENCE)
                .until(
                        () -> Accounting.events(invoice.id(), InvoicePaid.TYPE, InvoicePaid.class, json),
                        list -> !list.isEmpty());
        assertThat(paid)
                .containsExactly(new InvoicePaid(
                        invoice.id(), invoice.number(), customerId, null, LocalDate.parse("2030-07-02")));
    }

    @Test
    void an_overpayment_pays_the_invoice_and_keeps_the_rest_as_the_customers_credit() {
        pay(invoice.number(), "1200.50", "2030-07-01")
                .then()
                .statusCode(201)
                .body("allocation.principal", equalTo(1190.00f))
                .body("allocation.credit", equalTo(10.50f))
                .body("invoiceStatus", equalTo("PAID"));
        // Paid twice by mistake: all of it is credit, the invoice stays paid.
        pay(invoice.number(), "1190.00", "2030-07-02")
                .then()
                .statusCode(201)
                .body("allocation.principal", equalTo(0.00f))
                .body("allocation.credit", equalTo(1190.00f));

        assertThat(QuarkusTransaction.requiringNew().call(() -> CustomerCredit.totalOf(customerId)))
                .isEqualTo(new BigDecimal("1200.50"));
    }

    @Test
    void a_payment_pays_fees_first_then_interest_then_principal() {
        QuarkusTransaction.requiringNew().run(() -> {
            Invoice stored = Invoice.findById(invoice.id());
            stored.feesCharged = new BigDecimal("40.00");
            stored.interestCharged = new BigDecimal("3.17");
        });

        pay(invoice.number(), "100.00", "2030-08-01")
                .then()
                .statusCode(201)
                .body("allocation.fees", equalTo(40.00f))
                .body("allocation.interest", equalTo(3.17f))
                .body("allocation.principal", equalTo(56.83f))
                .body("openAmount", equalTo(1133.17f));
        pay(invoice.number(), "1133.17", "2030-08-02").then().statusCode(201).body("invoiceStatus", equalTo("PAID"));
    }

    @Test
    void a_payment_can_name_its_invoice_by_a_reference_text() {
        String reference = "Rechnung " + invoice.number().replace("-", " ") + " Kd "
                + customerId.toString().substring(0, 8);

        asAccountant()
                .body("{\"reference\":\"" + reference
                        + "\",\"amount\":1190.00,\"valueDate\":\"2030-07-01\",\"payerName\":\"Zahlt GmbH\"}")
                .when()
                .post(PAYMENTS)
                .then()
                .statusCode(201)
                .body("invoiceNumber", equalTo(invoice.number()))
                .body("reference", equalTo(reference))
                .body("invoiceStatus", equalTo("PAID"));
    }

    static Stream<Arguments> badPayments() {
        return Stream.of(
                Arguments.of(
                        "a negative amount",
                        "{\"invoiceNumber\":\"%s\",\"amount\":-5.00,\"valueDate\":\"2030-07-01\"}",
                        "amount"),
                Arguments.of(
                        "a zero amount",
                        "{\"invoiceNumber\":\"%s\",\"amount\":0,\"valueDate\":\"2030-07-01\"}",
                        "amount"),
                Arguments.of(
                        "fractions of a cent",
                        "{\"invoiceNumber\":\"%s\",\"amount\":1.005,\"valueDate\":\"2030-07-01\"}",
                        "amount"),
                Arguments.of("no amount", "{\"invoiceNumber\":\"%s\",\"valueDate\":\"2030-07-01\"}", "amount"),
                Arguments.of("no value date", "{\"invoiceNumber\":\"%s\",\"amount\":5.00}", "valueDate"),
                Arguments.of(
                        "a date that is none",
                        "{\"invoiceNumber\":\"%s\",\"amount\":5.00,\"valueDate\":\"2030-02-30\"}",
                        "valueDate"),
                Arguments.of(
                        "an unknown invoice",
                        "{\"invoiceNumber\":\"RE-1999-999999\",\"amount\":5.00,\"valueDate\":\"2030-07-01\"}",
                        "invoiceNumber"),
                Arguments.of(
                        "a malformed number",
                        "{\"invoiceNumber\":\"R-1\",\"amount\":5.00,\"valueDate\":\"2030-07-01\"}",
                        "invoiceNumber"),
                Arguments.of("no invoice at all", "{\"amount\":5.00,\"valueDate\":\"2030-07-01\"}", "invoiceNumber"),
                Arguments.of(
                        "a reference without a number",
                        "{\"reference\":\"Miete\",\"amount\":5.00,\"valueDate\":\"2030-07-01\"}",
                        "reference"));
    }

    @ParameterizedTest(name = "{0} is a 400 naming {2} and books nothing")
    @MethodSource("badPayments")
    void bad_input_is_a_400_problem_naming_the_field_and_books_nothing(String what, String body, String field) {
        asAccountant()
                .body(body.formatted(invoice.number()))
                .when()
                .post(PAYMENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));

        assertThat(paymentsOf(invoice.id())).isZero();
        invoiceShows("ISSUED", "0.00", "1190.00");
    }

    @Test
    void only_accounting_books_payments() {
        given().header("Authorization", TestTokens.bearer(Roles.SALES))
                .contentType(ContentType.JSON)
                .body("{\"invoiceNumber\":\"" + invoice.number() + "\",\"amount\":5.00,\"valueDate\":\"2030-07-01\"}")
                .when()
                .post(PAYMENTS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        assertThat(paymentsOf(invoice.id())).isZero();
    }

    private static io.restassured.response.Response pay(String invoiceNumber, String amount, String valueDate) {
        return asAccountant()
                .body("{\"invoiceNumber\":\"" + invoiceNumber + "\",\"amount\":" + amount + ",\"valueDate\":\""
                        + valueDate + "\",\"payerName\":\"Zahlt GmbH\"}")
                .when()
                .post(PAYMENTS);
    }

    private void invoiceShows(String status, String paid, String open) {
        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .statusCode(200)
                .body("status", equalTo(status))
                .body("paidAmount", equalTo(Float.parseFloat(paid)))
                .body("openAmount", equalTo(Float.parseFloat(open)));
    }

    private static long paymentsOf(UUID invoiceId) {
        return QuarkusTransaction.requiringNew().call(() -> Payment.count("invoiceId", invoiceId));
    }
}
