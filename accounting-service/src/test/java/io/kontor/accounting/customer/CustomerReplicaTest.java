package io.kontor.accounting.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.CustomerUpdated;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerReplicaTest {

    private static final String CUSTOMERS = "/api/v1/accounting/customers/";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @Inject
    SalesEvents sales;

    @Test
    void a_customer_registered_in_sales_appears_in_the_replica() throws Exception {
        UUID customerId = UUID.randomUUID();
        CustomerRegistered registered = new CustomerRegistered(
                customerId,
                "K-10001",
                "Hanse Kontor GmbH",
                CustomerType.BUSINESS,
                "rechnung@hanse-kontor.example",
                "DE811907980",
                30,
                new Address("Am Sandtorkai 5", "20457", "Hamburg", "DE"));

        // The record exactly as sales' outbox writes it: CloudEvents binary mode, JSON data by the platform's
        // ObjectMapper.
        TestKafka.send(
                "sales.customers",
                customerId.toString(),
                json.writeValueAsString(registered),
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", UUID.randomUUID().toString(),
                        "ce_type", "kontor.sales.customer-registered.v1",
                        "ce_source", "/kontor/sales-backoffice-service",
                        "ce_subject", customerId.toString(),
                        "ce_time", Instant.now().toString(),
                        "content-type", "application/json"));

        await().atMost(PATIENCE)
                .untilAsserted(() -> given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                        .when()
                        .get(CUSTOMERS + customerId)
                        .then()
                        .statusCode(200)
                        .body("id", equalTo(customerId.toString()))
                        .body("customerNumber", equalTo("K-10001"))
                        .body("name", equalTo("Hanse Kontor GmbH"))
                        .body("type", equalTo("BUSINESS"))
                        .body("email", equalTo("rechnung@hanse-kontor.example"))
                        .body("vatId", equalTo("DE811907980"))
                        .body("paymentTermDays", equalTo(30))
                        .body("billingAddress.street", equalTo("Am Sandtorkai 5"))
                        .body("billingAddress.postalCode", equalTo("20457"))
                        .body("billingAddress.city", equalTo("Hamburg"))
                        .body("billingAddress.country", equalTo("DE"))
                        .body("creditHold", equalTo(false)));
    }

    @Test
    void an_update_replaces_what_the_replica_knows() {
        UUID customerId = sales.registerCustomer("Alte Firma GmbH", 14);

        sales.send(new CustomerUpdated(
                customerId,
                "K-2",
                "Neue Firma GmbH",
                CustomerType.BUSINESS,
                "neu@firma.example",
                "DE999999999",
                21,
                new Address("Marienplatz 1", "80331", "München", "DE"),
                true));

        await().atMost(PATIENCE)
                .untilAsserted(() -> given().header("Authorization", TestTokens.bearer(Roles.MIDDLE_OFFICE))
                        .when()
                        .get(CUSTOMERS + customerId)
                        .then()
                        .statusCode(200)
                        .body("name", equalTo("Neue Firma GmbH"))
                        .body("paymentTermDays", equalTo(21))
                        .body("billingAddress.city", equalTo("München"))
                        .body("creditHold", equalTo(true)));
    }

    @Test
    void an_update_of_a_customer_the_replica_missed_creates_it() {
        UUID customerId = UUID.randomUUID();

        sales.send(new CustomerUpdated(
                customerId,
                "K-3",
                "Spät GmbH",
                CustomerType.CONSUMER,
                "spaet@example.org",
                null,
                7,
                SalesEvents.BERLIN,
                false));

        await().atMost(PATIENCE)
                .untilAsserted(() -> given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                        .when()
                        .get(CUSTOMERS + customerId)
                        .then()
                        .statusCode(200)
                        .body("name", equalTo("Spät GmbH"))
                        .body("type", equalTo("CONSUMER")));
    }

    @Test
    void an_event_older_than_the_replica_does_not_overwrite_it() {
        UUID customerId = UUID.randomUUID();
        Instant registeredAt = Instant.now();
        sales.send(
                SalesEvents.registered(customerId, "Aktuell GmbH", 14),
                UUID.randomUUID().toString(),
                registeredAt);
        await().atMost(PATIENCE).until(() -> SalesEvents.replicaHas(customerId));

        // A dead letter replayed long after it failed: its ce_time is before what the replica already shows.
        String staleId = sales.send(
                new CustomerUpdated(
                        customerId,
                        "K-4",
                        "Veraltet GmbH",
                        CustomerType.BUSINESS,
                        null,
                        null,
                        14,
                        SalesEvents.BERLIN,
                        false),
                UUID.randomUUID().toString(),
                registeredAt.minus(Duration.ofHours(1)));
        await().atMost(PATIENCE).until(() -> SalesEvents.consumed("CustomerReplicaHandler.on", staleId));

        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .when()
                .get(CUSTOMERS + customerId)
                .then()
                .statusCode(200)
                .body("name", equalTo("Aktuell GmbH"));
    }

    @Test
    void an_unknown_customer_is_a_404_problem() {
        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .when()
                .get(CUSTOMERS + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void reading_a_customer_without_a_token_is_a_401_problem() {
        given().when()
                .get(CUSTOMERS + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void reading_a_customer_with_a_role_outside_accounting_is_a_403_problem() {
        given().header("Authorization", TestTokens.bearer(Roles.HR))
                .when()
                .get(CUSTOMERS + UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
