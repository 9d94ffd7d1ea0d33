package io.kontor.accounting.invoice;

import static io.restassured.RestAssured.given;

import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** The invoice endpoints as a caller with the accounting role sees them, and the JSON it sends. */
final class InvoiceApi {

    static final String INVOICES = "/api/v1/accounting/invoices";

    private InvoiceApi() {}

    static RequestSpecification asAccounting() {
        return given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .contentType(ContentType.JSON);
    }

    /** Creates a draft and returns its id. */
    static String draft(UUID customerId) {
        return asAccounting()
                .body(body(customerId, line("Wartung", "1", "100.00", "19")))
                .when()
                .post(INVOICES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String body(Object customerId, String... lines) {
        return "{\"customerId\":\"" + customerId + "\",\"lines\":[" + String.join(",", lines) + "]}";
    }

    /** A line as JSON; values are written as they are given (numbers unquoted unless the test quotes them). */
    static String line(String description, String quantity, String unitPrice, String vatRate) {
        return "{\"description\":\"" + description + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + unitPrice
                + ",\"vatRate\":" + vatRate + "}";
    }

    static String lines(String... lines) {
        return Arrays.stream(lines).collect(Collectors.joining(","));
    }

    /** Invoices of the customer in the database, whatever their status. */
    static long storedInvoicesOf(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> Invoice.count("customerId", customerId));
    }
}
