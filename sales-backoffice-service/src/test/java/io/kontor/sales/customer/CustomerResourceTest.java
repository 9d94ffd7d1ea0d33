package io.kontor.sales.customer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.customerBody;
import static io.kontor.sales.SalesApi.events;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {

    private static final String REGISTERED = "kontor.sales.customer-registered.v1";
    private static final String UPDATED = "kontor.sales.customer-updated.v1";

    @Test
    void registering_a_customer_answers_201_with_its_location_number_and_no_credit_hold() {
        Response response = as("sales").body(customerBody("Hanse Kontor GmbH")).post("/customers");

        response.then()
                .statusCode(201)
                .body("customerNumber", matchesPattern("K-\\d{6}"))
                .body("creditHold", equalTo(false))
                .body("name", equalTo("Hanse Kontor GmbH"))
                .body("vatId", equalTo("DE811907980"))
                .body("billingAddress.city", equalTo("Hamburg"));
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/v1/sales/customers/" + id);
        as("sales").get(response.header("Location")).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void registering_a_customer_publishes_customer_registered_on_sales_customers() {
        JsonPath customer = registerCustomer("Elbe Logistik AG");
        String id = customer.getString("id");

        ConsumerRecord<String, String> event = awaitEvent("sales.customers", id, REGISTERED);

        assertThat(event.key()).isEqualTo(id);
        assertThat(TestKafka.header(event, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TestKafka.header(event, CloudEventHeaders.SOURCE)).isEqualTo("/kontor/sales-backoffice-service");
        assertThat(TestKafka.header(event, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(TestKafka.header(event, CloudEventHeaders.ID)).isNotBlank();
        assertThat(OffsetDateTime.parse(TestKafka.header(event, CloudEventHeaders.TIME)))
                .isNotNull();
        assertThat(TestKafka.header(event, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        JsonPath data = json(event.value());
        assertThat(data.getString("customerId")).isEqualTo(id);
        assertThat(data.getString("customerNumber")).isEqualTo(customer.getString("customerNumber"));
        assertThat(data.getString("name")).isEqualTo("Elbe Logistik AG");
        assertThat(data.getString("type")).isEqualTo("BUSINESS");
        assertThat(data.getString("email")).isEqualTo(customer.getString("email"));
        assertThat(data.getString("vatId")).isEqualTo("DE811907980");
        assertThat(data.getInt("paymentTermDays")).isEqualTo(30);
        assertThat(data.getString("billingAddress.street")).isEqualTo("Hafenstraße 1");
        assertThat(data.getString("billingAddress.postalCode")).isEqualTo("20457");
        assertThat(data.getString("billingAddress.city")).isEqualTo("Hamburg");
        assertThat(data.getString("billingAddress.country")).isEqualTo("DE");
    }

    @Test
    void customer_numbers_are_consecutive() {
        int first = number(registerCustomer("Erster Kunde KG"));
        int second = number(registerCustomer("Zweiter Kunde KG"));
        int third = number(registerCustomer("Dritter Kunde KG"));

        assertThat(List.of(second, third)).containsExactly(first + 1, first + 2);
    }

    @Test
    void customers_registered_at_the_same_time_get_consecutive_numbers_without_gaps() throws Exception {
        int parallel = 6;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<JsonPath>> registrations = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                int n = i;
                registrations.add(pool.submit(() -> registerCustomer("Parallel " + n + " GmbH")));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<JsonPath> registration : registrations) {
                numbers.add(number(registration.get()));
            }
            numbers.sort(null);
            for (int i = 1; i < parallel; i++) {
                assertThat(numbers.get(i)).as("numbers %s", numbers).isEqualTo(numbers.get(0) + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void payment_terms_are_14_days_when_the_request_names_none() {
        as("sales")
                .body("""
                {"name": "Privatkundin Meier", "type": "CONSUMER", "email": "meier@example.org",
                 "billingAddress": {"street": "Lindenweg 3", "postalCode": "80331", "city": "München", "country": "DE"}}
                """)
                .post("/customers")
                .then()
                .statusCode(201)
                .body("paymentTermDays", equalTo(14))
                .body("vatId", equalTo(null));
    }

    @Test
    void customers_are_found_by_part_of_their_name_number_or_e_mail() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        JsonPath customer = registerCustomer("Such " + marker + " GmbH");

        as("sales")
                .queryParam("q", marker.toUpperCase())
                .get("/customers")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(customer.getString("id")));
        as("sales")
                .queryParam("q", customer.getString("customerNumber"))
                .get("/customers")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        as("sales")
                .queryParam("q", customer.getString("email"))
                .get("/customers")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        as("sales")
                .queryParam("q", "%")
                .get("/customers")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void the_customer_list_is_paged() {
        registerCustomer("Seite Eins GmbH");
        registerCustomer("Seite Zwei GmbH");

        as("sales")
                .queryParam("page", 1)
                .queryParam("size", 1)
                .get("/customers")
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(1))
                .body("items.size()", equalTo(1));
        as("sales")
                .queryParam("size", 500)
                .get("/customers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void updating_a_customer_publishes_customer_updated_with_the_whole_new_state() {
        String id = registerCustomer("Alt Name GmbH").getString("id");

        as("sales")
                .body("""
                {"name": "Neu Name GmbH", "type": "BUSINESS", "email": "buchhaltung@neu.example", "vatId": "ATU13585627",
                 "paymentTermDays": 7,
                 "billingAddress": {"street": "Ring 5", "postalCode": "1010", "city": "Wien", "country": "AT"}}
                """)
                .put("/customers/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Neu Name GmbH"))
                .body("billingAddress.country", equalTo("AT"));

        JsonPath data = json(awaitEvent("sales.customers", id, UPDATED).value());
        assertThat(data.getString("name")).isEqualTo("Neu Name GmbH");
        assertThat(data.getString("email")).isEqualTo("buchhaltung@neu.example");
        assertThat(data.getString("vatId")).isEqualTo("ATU13585627");
        assertThat(data.getInt("paymentTermDays")).isEqualTo(7);
        assertThat(data.getString("billingAddress.city")).isEqualTo("Wien");
        assertThat(data.getBoolean("creditHold")).isFalse();
    }

    @Test
    void an_invoice_address_apart_from_the_contact_is_kept_and_published_and_a_malformed_one_is_a_400() {
        String id = registerCustomer("Zwei Adressen GmbH").getString("id");
        String withInvoiceAddress = customerBody("Zwei Adressen GmbH")
                .replaceFirst("\\{", "{\"invoiceEmail\": \"rechnungen@zwei-adressen.example\", ");

        as("sales")
                .body(withInvoiceAddress)
                .put("/customers/" + id)
                .then()
                .statusCode(200)
                .body("invoiceEmail", equalTo("rechnungen@zwei-adressen.example"));
        JsonPath data = json(awaitEvent("sales.customers", id, UPDATED).value());
        assertThat(data.getString("invoiceEmail")).isEqualTo("rechnungen@zwei-adressen.example");
        assertThat(data.getString("email")).as("the contact stays").startsWith("einkauf@");

        as("sales")
                .body(withInvoiceAddress.replace("rechnungen@zwei-adressen.example", "rechnungen@localhost"))
                .put("/customers/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("invoiceEmail"));
        as("sales").get("/customers/" + id).then().body("invoiceEmail", equalTo("rechnungen@zwei-adressen.example"));
    }

    @Test
    void an_update_that_changes_nothing_publishes_nothing() {
        JsonPath customer = registerCustomer("Gleich Bleibend GmbH");
        String id = customer.getString("id");
        String unchanged =
                customerBody("Gleich Bleibend GmbH").replaceFirst("einkauf@[^\"]+", customer.getString("email"));

        as("sales").body(unchanged).put("/customers/" + id).then().statusCode(200);

        awaitEvent("sales.customers", id, REGISTERED);
        assertThat(events("sales.customers", id, UPDATED, Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void an_unknown_customer_is_a_404_problem() {
        as("sales")
                .get("/customers/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("sales")
                .body(customerBody("Niemand GmbH"))
                .put("/customers/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void the_same_idempotency_key_registers_the_customer_once() {
        String key = UUID.randomUUID().toString();
        String body = customerBody("Einmal GmbH");

        Response first = as("sales").header("Idempotency-Key", key).body(body).post("/customers");
        Response again = as("sales").header("Idempotency-Key", key).body(body).post("/customers");

        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.<String>path("customerNumber")).isEqualTo(first.path("customerNumber"));
        as("sales").queryParam("q", "Einmal GmbH").get("/customers").then().body("total", equalTo(1));
    }

    private static int number(JsonPath customer) {
        return Integer.parseInt(customer.getString("customerNumber").substring(2));
    }
}
