package io.kontor.accounting;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Accounting's API as an accountant uses it in tests: invoices issued through the endpoints, events read from Kafka.
 */
public final class Accounting {

    public static final String API = "/api/v1/accounting";

    private Accounting() {}

    public static RequestSpecification asAccountant() {
        return given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .contentType(ContentType.JSON);
    }

    /** A line as JSON. */
    public static String line(String description, String quantity, String unitPrice, String vatRate) {
        return "{\"description\":\"" + description + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + unitPrice
                + ",\"vatRate\":" + vatRate + "}";
    }

    /** Drafts and issues a manual invoice with the given lines (at the clock's today); returns its id and number. */
    public static Issued issue(UUID customerId, String... lines) {
        String id = asAccountant()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[" + String.join(",", lines) + "]}")
                .when()
                .post(API + "/invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String number = asAccountant()
                .when()
                .post(API + "/invoices/" + id + "/issue")
                .then()
                .statusCode(200)
                .extract()
                .path("invoiceNumber");
        return new Issued(UUID.fromString(id), number);
    }

    /** Cancels an invoice as a whole ({@code POST …/cancel}) with the given JSON body. */
    public static Response cancel(UUID invoiceId, String body) {
        return asAccountant().body(body).when().post(API + "/invoices/" + invoiceId + "/cancel");
    }

    /** Credits part of an invoice ({@code POST …/credits}) with the given JSON body. */
    public static Response credit(UUID invoiceId, String body) {
        return asAccountant().body(body).when().post(API + "/invoices/" + invoiceId + "/credits");
    }

    /** Books a payment of the amount (JSON number) against the invoice number, value date 2030-07-01. */
    public static Response pay(String invoiceNumber, String amount) {
        return asAccountant()
                .body("{\"invoiceNumber\":\"" + invoiceNumber + "\",\"amount\":" + amount
                        + ",\"valueDate\":\"2030-07-01\"}")
                .when()
                .post(API + "/payments");
    }

    /** The SHA-256 a stored document of the invoice is served with, {@code path} below the invoice ("/pdf"). */
    public static String documentHash(UUID invoiceId, String path) {
        return asAccountant()
                .when()
                .get(API + "/invoices/" + invoiceId + path)
                .then()
                .statusCode(200)
                .extract()
                .header("X-Content-SHA256");
    }

    public record Issued(UUID id, String number) {}

    /** The events published for one aggregate on accounting.invoices, of one CloudEvents type, as payloads. */
    public static <T> List<T> events(UUID invoiceId, String type, Class<T> payload, ObjectMapper json) {
        List<ConsumerRecord<String, String>> records = TestKafka.readAll("accounting.invoices", Duration.ofMillis(300));
        return records.stream()
                .filter(r -> invoiceId.toString().equals(r.key()))
                .filter(r -> type.equals(TestKafka.header(r, "ce_type")))
                .map(r -> read(json, r.value(), payload))
                .toList();
    }

    private static <T> T read(ObjectMapper json, String value, Class<T> payload) {
        try {
            return json.readValue(value, payload);
        } catch (Exception e) {
            throw new AssertionError("not a " + payload.getSimpleName() + ": " + value, e);
        }
    }
}
