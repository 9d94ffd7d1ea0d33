package io.kontor.accounting.bank;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.accounting.payment.CustomerCredit;
import io.kontor.accounting.payment.Payment;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BankStatementTest {

    private static final String STATEMENTS = API + "/bank-statements";

    @Inject
    SalesEvents sales;

    String run;
    String payer;
    UUID customerId;

    @BeforeEach
    void aCustomerWhosePaymentsArrive() {
        run = UUID.randomUUID().toString().substring(0, 8);
        payer = "Hanse Kontor " + run + " GmbH";
        customerId = sales.registerCustomer(payer, 14);
    }

    @Test
    void
            a_camt053_001_02_statement_is_matched_by_invoice_number_then_by_amount_and_payer_and_the_rest_goes_to_clearing() {
        Issued a = Accounting.issue(customerId, line("Beratung", "1", "1000.00", "19")); // 1190.00
        Issued b = Accounting.issue(customerId, line("Beratung", "1", "800.00", "19")); // 952.00
        Issued c = Accounting.issue(customerId, line("Beratung", "1", "300.00", "19")); // 357.00
        String statement = fixture(
                "statement-001.02.xml",
                Map.of("A", a.number(), "B_SPACED", b.number().replace("-", " "), "PAYER", payer));

        ValidatableResponse imported = importStatement(statement)
                .statusCode(200)
                .body("entries", equalTo(5))
                .body("matched.invoiceNumber", contains(a.number(), b.number(), c.number()))
                .body("matched.by", contains("INVOICE_NUMBER", "INVOICE_NUMBER", "AMOUNT_AND_PAYER"))
                .body("matched.amount", contains(1190.00f, 500.00f, 357.00f))
                .body("matched.invoiceStatus", contains("PAID", "PARTIALLY_PAID", "PAID"))
                .body("unmatched", hasSize(1))
                .body("unmatched[0].amount", equalTo(99.99f))
                .body("unmatched[0].payerName", equalTo("Unbekannt " + run))
                .body("skippedDebitsOrPending", equalTo(1));
        String clearingEntry = imported.extract().path("unmatched[0].entryId");
        invoiceShows(b, "PARTIALLY_PAID", 452.00f);
        assertThat(paymentsOfCustomer()).isEqualTo(3);

        // The same statement again: every entry is known, nothing is booked twice.
        importStatement(statement)
                .statusCode(200)
                .body("matched", empty())
                .body("unmatched", empty())
                .body("alreadyImported", hasSize(4));
        assertThat(paymentsOfCustomer()).isEqualTo(3);
        invoiceShows(b, "PARTIALLY_PAID", 452.00f);

        // The clearing entry is assigned by hand, once.
        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .when()
                .get(STATEMENTS + "/clearing")
                .then()
                .statusCode(200)
                .body("items.entryId", hasItem(clearingEntry));
        asAccountant()
                .body("{\"invoiceNumber\":\"" + b.number() + "\"}")
                .when()
                .post(STATEMENTS + "/clearing/" + clearingEntry + "/assign")
                .then()
                .statusCode(200)
                .body("by", equalTo("BY_HAND"))
                .body("invoiceNumber", equalTo(b.number()));
        asAccountant()
                .body("{\"invoiceNumber\":\"" + b.number() + "\"}")
                .when()
                .post(STATEMENTS + "/clearing/" + clearingEntry + "/assign")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .when()
                .get(STATEMENTS + "/clearing")
                .then()
                .statusCode(200)
                .body("items.entryId", not(hasItem(clearingEntry)));
        invoiceShows(b, "PARTIALLY_PAID", 352.01f);
    }

    @Test
    void a_camt053_001_08_batch_booking_is_split_into_its_transfers_and_an_overpayment_becomes_credit() {
        Issued b = Accounting.issue(customerId, line("Beratung", "1", "379.83", "19")); // 452.00 (451.9977)
        Issued d = Accounting.issue(customerId, line("Beratung", "1", "200.00", "19")); // 238.00
        String statement = fixture("statement-001.08.xml", Map.of("B", b.number(), "D", d.number(), "PAYER", payer));

        importStatement(statement)
                .statusCode(200)
                .body("entries", equalTo(2))
                .body("matched.invoiceNumber", containsInAnyOrder(d.number(), b.number()))
                .body("matched.invoiceStatus", contains("PAID", "PAID"))
                .body("unmatched", empty());

        invoiceShows(d, "PAID", 0.00f);
        // 462.00 paid on 452.00: 10.00 is the customer's.
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustomerCredit.totalOf(customerId)))
                .isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void a_body_that_is_not_a_camt053_statement_is_a_400_problem_and_books_nothing() {
        Issued a = Accounting.issue(customerId, line("Beratung", "1", "1000.00", "19"));
        String statement = fixture("statement-001.02.xml", Map.of("A", a.number(), "B_SPACED", "-", "PAYER", payer));
        long entriesBefore = QuarkusTransaction.requiringNew().call(() -> BankEntry.count());

        for (String broken : new String[] {
            statement.substring(0, statement.length() / 2), // cut off in the middle
            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>",
            "not xml at all",
            ""
        }) {
            importStatement(broken)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("body"));
        }

        assertThat(QuarkusTransaction.requiringNew().call(() -> BankEntry.count()))
                .isEqualTo(entriesBefore);
        assertThat(paymentsOfCustomer()).isZero();
    }

    @Test
    void a_statement_over_the_ordinary_request_limit_is_imported_and_other_requests_keep_that_limit() {
        Issued a = Accounting.issue(customerId, line("Beratung", "1", "1000.00", "19"));
        // 12 MB, over the 10 MB every other request may have: the import streams it (#23).
        String padding = "<!-- " + "x".repeat(12 * 1024 * 1024) + " -->\n";
        String statement = fixture("statement-001.02.xml", Map.of("A", a.number(), "B_SPACED", "-", "PAYER", payer))
                .replace("<BkToCstmrStmt>", "<BkToCstmrStmt>" + padding);

        importStatement(statement).statusCode(200).body("matched.invoiceNumber", contains(a.number()));

        asAccountant()
                .body("{\"reason\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}")
                .when()
                .post(STATEMENTS + "/clearing/" + UUID.randomUUID() + "/not-a-payment")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void only_accounting_imports_statements() {
        given().header("Authorization", TestTokens.bearer(Roles.MIDDLE_OFFICE))
                .contentType("application/xml")
                .body("<x/>")
                .when()
                .post(STATEMENTS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private ValidatableResponse importStatement(String xml) {
        return given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .contentType("application/xml")
                .body(xml.getBytes(StandardCharsets.UTF_8))
                .when()
                .post(STATEMENTS)
                .then();
    }

    private String fixture(String name, Map<String, String> values) {
        try (InputStream in = getClass().getResourceAsStream("/camt053/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${RUN}", run);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long paymentsOfCustomer() {
        return QuarkusTransaction.requiringNew().call(() -> Payment.count("customerId", customerId));
    }

    private static void invoiceShows(Issued invoice, String status, float totalOpen) {
        asAccountant()
                .when()
                .get(API + "/invoices/" + invoice.id())
                .then()
                .statusCode(200)
                .body("status", equalTo(status))
                .body("totalOpen", equalTo(totalOpen));
    }
}
