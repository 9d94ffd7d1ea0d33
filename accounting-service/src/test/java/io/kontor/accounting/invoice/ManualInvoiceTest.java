package io.kontor.accounting.invoice;

import static io.kontor.accounting.invoice.InvoiceApi.INVOICES;
import static io.kontor.accounting.invoice.InvoiceApi.asAccounting;
import static io.kontor.accounting.invoice.InvoiceApi.body;
import static io.kontor.accounting.invoice.InvoiceApi.line;
import static io.kontor.accounting.invoice.InvoiceApi.storedInvoicesOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.security.Roles;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class ManualInvoiceTest {

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @Inject
    ObjectMapper json;

    UUID customerId;

    @BeforeEach
    void aCustomerInTheReplica() {
        customerId = sales.registerCustomer("Manuell & Söhne KG", 14);
    }

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void a_manual_invoice_starts_as_a_draft_with_recomputed_totals_and_no_number() throws Exception {
        String body = body(
                customerId,
                line("Beratung", "10", "120.00", "19"),
                line("Fachbuch", "3", "22.491", "7"),
                line("Porto", "1", "4.95", "0"));

        io.restassured.response.Response answer = asAccounting()
                .body(body)
                .when()
                .post(INVOICES)
                .then()
                .statusCode(201)
                .extract()
                .response();

        InvoiceView draft = json.readValue(answer.asString(), InvoiceView.class);
        assertThat(answer.header("Location")).endsWith(INVOICES + "/" + draft.id());
        assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(draft.invoiceNumber()).isNull();
        assertThat(draft.issueDate()).isNull();
        assertThat(draft.customerId()).isEqualTo(customerId);
        assertThat(draft.offerId()).isNull();
        assertThat(draft.netTotal()).isEqualTo(new BigDecimal("1272.42")); // 1200.00 + 67.47 + 4.95
        assertThat(draft.vatTotal()).isEqualTo(new BigDecimal("232.72")); // 228.00 + 4.72 + 0.00
        assertThat(draft.grossTotal()).isEqualTo(new BigDecimal("1505.14"));
        assertThat(draft.buyer().name()).isEqualTo("Manuell & Söhne KG");
        assertThat(draft.lines())
                .extracting(InvoiceView.LineView::unitPrice)
                .containsExactly(new BigDecimal("120.00"), new BigDecimal("22.491"), new BigDecimal("4.95"));
        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .when()
                .get(INVOICES + "/" + draft.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("grossTotal", equalTo(1505.14f));
    }

    @Test
    void issuing_a_draft_gives_it_the_next_number_of_the_year_and_a_due_date_after_the_payment_term() throws Exception {
        clock.set(Instant.parse("2035-05-05T08:00:00Z"));
        String id = InvoiceApi.draft(customerId);

        String answer = asAccounting()
                .when()
                .post(INVOICES + "/" + id + "/issue")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        InvoiceView issued = json.readValue(answer, InvoiceView.class);
        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.invoiceNumber()).isEqualTo("RE-2035-000001");
        assertThat(issued.issueDate()).isEqualTo(LocalDate.parse("2035-05-05"));
        assertThat(issued.dueDate()).isEqualTo(LocalDate.parse("2035-05-19"));
        assertThat(issued.openAmount()).isEqualTo(new BigDecimal("119.00"));
        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestKafka.readAll("accounting.invoices", Duration.ofMillis(200)).stream()
                                .filter(r -> id.equals(r.key()))
                                .toList(),
                        records -> !records.isEmpty())
                .get(0);
        assertThat(TestKafka.header(event, CloudEventHeaders.TYPE)).isEqualTo(InvoiceIssued.TYPE);
        InvoiceIssued published = json.readValue(event.value(), InvoiceIssued.class);
        assertThat(published.invoiceNumber()).isEqualTo("RE-2035-000001");
        assertThat(published.offerId()).isNull();
        assertThat(published.grossTotal()).isEqualTo(new BigDecimal("119.00"));
    }

    @Test
    void an_issued_invoice_cannot_be_issued_again_and_keeps_its_number() {
        String id = InvoiceApi.draft(customerId);
        String number = asAccounting()
                .when()
                .post(INVOICES + "/" + id + "/issue")
                .then()
                .statusCode(200)
                .extract()
                .path("invoiceNumber");

        asAccounting()
                .when()
                .post(INVOICES + "/" + id + "/issue")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("ISSUED"));

        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .when()
                .get(INVOICES + "/" + id)
                .then()
                .statusCode(200)
                .body("invoiceNumber", equalTo(number));
    }

    @Test
    void issuing_an_unknown_invoice_is_a_404_problem() {
        asAccounting()
                .when()
                .post(INVOICES + "/" + UUID.randomUUID() + "/issue")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                Arguments.of(
                        "a negative quantity", "[" + line("Wartung", "-1", "100.00", "19") + "]", "lines[0].quantity"),
                Arguments.of(
                        "a quantity of zero", "[" + line("Wartung", "0", "100.00", "19") + "]", "lines[0].quantity"),
                Arguments.of(
                        "a quantity that is no number",
                        "[" + line("Wartung", "\"viele\"", "100.00", "19") + "]",
                        "lines[0].quantity"),
                Arguments.of(
                        "a VAT rate of 16 percent",
                        "[" + line("Wartung", "1", "100.00", "16") + "]",
                        "lines[0].vatRate"),
                Arguments.of(
                        "a negative unit price in the second line",
                        "[" + line("Wartung", "1", "100.00", "19") + "," + line("Rabatt", "1", "-5.00", "19") + "]",
                        "lines[1].unitPrice"),
                Arguments.of(
                        "a unit price with fractions of a cent beyond four places",
                        "[" + line("Wartung", "1", "0.00001", "19") + "]",
                        "lines[0].unitPrice"),
                Arguments.of("a blank description", "[" + line(" ", "1", "100.00", "19") + "]", "lines[0].description"),
                Arguments.of("no lines", "[]", "lines"));
    }

    @ParameterizedTest(name = "a draft with {0} is a 400 naming {2} and stores nothing")
    @MethodSource("badDrafts")
    void a_bad_draft_is_a_400_problem_naming_the_field_and_stores_nothing(String what, String lines, String field) {
        asAccounting()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":" + lines + "}")
                .when()
                .post(INVOICES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));

        assertThat(storedInvoicesOf(customerId)).isZero();
    }

    @Test
    void a_draft_for_a_customer_accounting_does_not_know_is_a_400_problem_naming_the_customer() {
        UUID stranger = UUID.randomUUID();

        asAccounting()
                .body(body(stranger, line("Wartung", "1", "100.00", "19")))
                .when()
                .post(INVOICES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("customerId"));

        assertThat(storedInvoicesOf(stranger)).isZero();
    }

    @Test
    void a_draft_without_customer_is_a_400_problem_naming_the_customer() {
        asAccounting()
                .body("{\"lines\":[" + line("Wartung", "1", "100.00", "19") + "]}")
                .when()
                .post(INVOICES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("customerId"));
    }

    @Test
    void malformed_json_is_a_400_problem_and_stores_nothing() {
        asAccounting()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":")
                .when()
                .post(INVOICES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:malformed-json"));

        assertThat(storedInvoicesOf(customerId)).isZero();
    }

    @Test
    void json_cut_off_inside_a_line_is_a_malformed_json_problem() {
        asAccounting()
                .body("{\"customerId\":\"" + customerId + "\",\"lines\":[{\"description\":")
                .when()
                .post(INVOICES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:malformed-json"));

        assertThat(storedInvoicesOf(customerId)).isZero();
    }

    @Test
    void the_same_idempotency_key_creates_one_draft() {
        String body = body(customerId, line("Wartung", "1", "100.00", "19"));
        String key = UUID.randomUUID().toString();

        String first = asAccounting()
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(INVOICES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAccounting()
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(INVOICES)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));

        assertThat(storedInvoicesOf(customerId)).isEqualTo(1);
    }

    @Test
    void invoices_are_listed_by_customer_and_status_in_pages() {
        String first = InvoiceApi.draft(customerId);
        InvoiceApi.draft(customerId);
        InvoiceApi.draft(customerId);
        asAccounting().when().post(INVOICES + "/" + first + "/issue").then().statusCode(200);

        given().header("Authorization", TestTokens.bearer(Roles.MIDDLE_OFFICE))
                .queryParam("customerId", customerId.toString())
                .queryParam("status", "DRAFT")
                .when()
                .get(INVOICES)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.size()", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .queryParam("customerId", customerId.toString())
                .queryParam("page", 1)
                .queryParam("size", 2)
                .when()
                .get(INVOICES)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(first))
                .body("items[0].status", equalTo("ISSUED"))
                .body("items[0].overdue", equalTo(false))
                .body("items[0].dunningLevel", equalTo(0))
                .body("items[0].offerId", nullValue());
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("status", "OPEN"),
                Arguments.of("customerId", "not-a-uuid"),
                Arguments.of("size", "0"),
                Arguments.of("size", "100000"),
                Arguments.of("page", "-1"));
    }

    @ParameterizedTest(name = "{0}={1} is a 400 naming {0}")
    @MethodSource("badQueries")
    void a_bad_list_query_is_a_400_problem_naming_the_parameter(String parameter, String value) {
        given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .queryParam(parameter, value)
                .when()
                .get(INVOICES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(parameter));
    }

    @Test
    void without_a_token_invoices_are_a_401_problem() {
        given().when().get(INVOICES).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(body(customerId, line("Wartung", "1", "100.00", "19")))
                .when()
                .post(INVOICES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        assertThat(storedInvoicesOf(customerId)).isZero();
    }

    @Test
    void a_role_outside_accounting_is_a_403_problem() {
        for (String role : List.of(Roles.SALES, Roles.HR, Roles.FRONT_OFFICE)) {
            given().header("Authorization", TestTokens.bearer(role))
                    .contentType(ContentType.JSON)
                    .body(body(customerId, line("Wartung", "1", "100.00", "19")))
                    .when()
                    .post(INVOICES)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", TestTokens.bearer(role))
                    .when()
                    .get(INVOICES)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }

        assertThat(storedInvoicesOf(customerId)).isZero();
    }
}
