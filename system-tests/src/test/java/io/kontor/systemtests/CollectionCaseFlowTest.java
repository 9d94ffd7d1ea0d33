package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.acceptedOffer;
import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static io.kontor.systemtests.FlowSteps.invoice;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.money;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.testing.TestTokens;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #18, case files, through the gateway: an invoice dunned to level 3 and handed to the court dunning procedure
 * (§§688 ff. ZPO) opens a COLLECTION case in legal with the claim and its deadlines; accounting follows the case; legal
 * closes it as written off, and accounting writes off what was open (GoBD: a write-off record naming the case as its
 * voucher, the invoice's figures unchanged) and dunning leaves the invoice alone.
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class CollectionCaseFlowTest extends SystemTest {

    private static final String CASES = "/api/v1/legal/cases";

    @Test
    void a_level_3_invoice_handed_to_collection_opens_a_case_and_closing_it_as_written_off_writes_the_invoice_off() {
        String customerId = registerCustomer("Zahlungsunwillig GmbH", 14);
        String sku = listProduct("Prüfungstag", "1000.00");
        String offerId = acceptedOffer(customerId, sku, 1, "ON_ACCEPTANCE");
        Map<String, Object> issued = awaitInvoiceFor(customerId, offerId);
        String invoiceId = (String) issued.get("id");
        String invoiceNumber = (String) issued.get("invoiceNumber");
        LocalDate dueDate = LocalDate.parse((String) issued.get("dueDate"));
        LocalDate reminderDay = dueDate.plusDays(7);
        LocalDate level2Day = reminderDay.plusDays(14);
        LocalDate level3Day = level2Day.plusDays(14);
        FlowSteps.advance(level3Day);
        dun(reminderDay);
        dun(level2Day);
        dun(level3Day);
        assertThat(invoice(invoiceId).get("dunningLevel")).isEqualTo(3);
        BigDecimal open = money(invoice(invoiceId).get("totalOpen"));

        as("accounting")
                .body("{\"handedTo\": \"Amtsgericht Coburg (Zentrales Mahngericht)\", \"reference\": \"MB-1\"}")
                .post("/api/v1/accounting/dunning/collection/{id}", invoiceId)
                .then()
                .statusCode(200);

        List<Map<String, Object>> found = await("legal opens a collection case for " + invoiceNumber)
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> as("legal")
                                .get(CASES + "?invoiceId=" + invoiceId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path("items"),
                        items -> !items.isEmpty());
        assertThat(found).hasSize(1);
        String caseId = (String) found.get(0).get("id");
        Map<String, Object> matter = as("legal")
                .get(CASES + "/{id}", caseId)
                .then()
                .statusCode(200)
                .body("kind", equalTo("COLLECTION"))
                .body("status", equalTo("OPEN"))
                .body("invoiceNumber", equalTo(invoiceNumber))
                .extract()
                .path("");
        assertThat(money(matter.get("claimAmount"))).isEqualByComparingTo(open);
        List<Map<String, Object>> deadlines = (List<Map<String, Object>>) matter.get("deadlines");
        // §§688 ff. ZPO: the Mahnverfahren is followed up three weeks after the hand-over (moved off a weekend).
        assertThat(deadlines.get(0).get("dueOn"))
                .isEqualTo(workingDayFrom(level3Day.plusDays(21)).toString());
        assertThat((String) deadlines.get(0).get("basis")).contains("688 ff. ZPO");
        // Accounting follows the collection case it handed over.
        as("accounting").get(CASES + "/{id}", caseId).then().statusCode(200).body("status", equalTo("OPEN"));

        as("legal")
                .body("{\"result\": \"WRITTEN_OFF\", \"note\": \"Schuldner unbekannt verzogen\"}")
                .post(CASES + "/{id}/close", caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        as("legal")
                .body("{\"result\": \"PAID\"}")
                .post(CASES + "/{id}/close", caseId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        await("accounting writes off invoice " + invoiceNumber)
                .atMost(EVENT_DELIVERY)
                .untilAsserted(
                        () -> assertThat(invoice(invoiceId).get("status")).isEqualTo("WRITTEN_OFF"));
        Map<String, Object> collection = as("accounting")
                .get("/api/v1/accounting/dunning/collection/{id}", invoiceId)
                .then()
                .statusCode(200)
                .body("result", equalTo("WRITTEN_OFF"))
                .extract()
                .path("");
        Map<String, Object> writeOff = (Map<String, Object>) collection.get("writeOff");
        // GoBD: what was lost is a record of its own with its voucher; principal, fees and interest add up to what was
        // open, and the invoice keeps its own figures.
        assertThat(money(writeOff.get("total"))).isEqualByComparingTo(open);
        assertThat((String) writeOff.get("voucher")).isEqualTo("Akte " + matter.get("caseNumber"));
        assertThat(money(invoice(invoiceId).get("grossTotal"))).isEqualByComparingTo("1190.00");
        // Dunning stops: a run today has nothing for this invoice.
        assertThat(dun(level3Day))
                .noneSatisfy(notice -> assertThat(notice.get("invoiceNumber")).isEqualTo(invoiceNumber));
    }

    private static LocalDate workingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static RequestSpecification as(String role) {
        return given().baseUri(platform.gatewayUrl())
                .config(RestAssuredConfig.config()
                        .jsonConfig(
                                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .contentType(ContentType.JSON)
                .header("Authorization", TestTokens.bearer(role));
    }

    private static List<Map<String, Object>> dun(LocalDate day) {
        return asAdmin()
                .body("{\"asOf\": \"" + day + "\"}")
                .post("/api/v1/accounting/dunning-runs")
                .then()
                .statusCode(200)
                .extract()
                .path("notices");
    }
}
