package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.awaitProjectFor;
import static io.kontor.systemtests.FlowSteps.invoicesFor;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flow 5 of EVENTS.md through the gateway (issue #19): a line of an accepted offer becomes a requirement, is approved,
 * implemented by a backlog item delivered with a project milestone, and the matrix row shows the whole chain up to the
 * invoice that billed the milestone; a change after approval makes its links suspect until they are confirmed.
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class TraceabilityFlowTest extends SystemTest {

    private static final String PD = "/api/v1/product-development";

    @Test
    void the_matrix_row_follows_an_offer_line_through_backlog_and_milestone_to_the_invoice() {
        String customerId = registerCustomer("Rückverfolgbar GmbH");
        String datev = listProduct("DATEV-Schnittstelle", "4000.00");
        String consulting = listProduct("Beratung", "1000.00");
        String offerId = asAdmin()
                .body("""
                        {"customerId": "%s", "billing": "MILESTONES", "lines": [
                          {"sku": "%s", "quantity": 1, "customerRequirement": true},
                          {"sku": "%s", "quantity": 2}]}
                        """.formatted(customerId, datev, consulting))
                .post("/api/v1/sales/offers")
                .then()
                .statusCode(201)
                .body("lines[0].customerRequirement", equalTo(true))
                .extract()
                .path("id");
        asAdmin().post("/api/v1/sales/offers/{id}/send", offerId).then().statusCode(200);
        asAdmin().post("/api/v1/sales/offers/{id}/accept", offerId).then().statusCode(200);
        String offerNumber = asAdmin()
                .get("/api/v1/sales/offers/{id}", offerId)
                .then()
                .extract()
                .path("offerNumber");

        // Offer accepted → one draft requirement, from the marked line only.
        List<Map<String, Object>> drafts = await("the draft requirement from offer " + offerId)
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> asAdmin()
                                .queryParam("customerId", customerId)
                                .get(PD + "/requirements")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path("items"),
                        items -> !items.isEmpty());
        assertThat(drafts).hasSize(1);
        Map<String, Object> draft = drafts.get(0);
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        assertThat((Map<String, Object>) draft.get("source"))
                .containsEntry("kind", "OFFER")
                .containsEntry("offerId", offerId);
        String requirement = (String) draft.get("id");

        // Approving without acceptance criteria is refused; with them it is APPROVED.
        asAdmin()
                .post(PD + "/requirements/{id}/approve", requirement)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("acceptanceCriteria"));
        change(requirement, "Buchungsstapel im DATEV-Format");
        asAdmin()
                .post(PD + "/requirements/{id}/approve", requirement)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"));

        // A backlog item for the project's milestone, done; a passing test case.
        String projectId = (String) awaitProjectFor(customerId, offerId).get("id");
        String milestone = asAdmin()
                .body("{\"name\": \"Schnittstelle abgenommen\", \"dueDate\": \"2027-03-01\", \"amount\": 4000.00}")
                .post("/api/v1/projects/{id}/milestones", projectId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String backlog = asAdmin()
                .body("{\"name\": \"Rückverfolgbar\", \"projectId\": \"%s\"}".formatted(projectId))
                .post(PD + "/backlogs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String item = asAdmin()
                .body("""
                        {"kind": "STORY", "title": "DATEV-Export", "estimate": 8, "milestoneId": "%s", "requirementIds": ["%s"]}
                        """.formatted(milestone, requirement))
                .post(PD + "/backlogs/{id}/items", backlog)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .post(PD + "/backlogs/{b}/items/{i}/start", backlog, item)
                .then()
                .statusCode(200);
        asAdmin()
                .post(PD + "/backlogs/{b}/items/{i}/complete", backlog, item)
                .then()
                .statusCode(200);
        String testCase = asAdmin()
                .body("{\"title\": \"Stapel importiert ohne Fehler\"}")
                .post(PD + "/requirements/{id}/test-cases", requirement)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asAdmin()
                .body("{\"result\": \"PASSED\", \"evidenceUrl\": \"https://ci.kontor.example/runs/19\"}")
                .post(PD + "/requirements/{r}/test-cases/{t}/runs", requirement, testCase)
                .then()
                .statusCode(201);
        asAdmin().get(PD + "/requirements/{id}", requirement).then().body("status", equalTo("IMPLEMENTED"));

        // Project office shows what the milestone delivers; completing it bills it.
        await("project-office shows the requirement under its milestone")
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> asAdmin()
                                .get("/api/v1/projects/{id}/milestones", projectId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<String>>path("items[0].requirements.number"),
                        numbers -> numbers != null && numbers.contains((String) draft.get("number")));
        asAdmin()
                .post("/api/v1/projects/{id}/milestones/{m}/complete", projectId, milestone)
                .then()
                .statusCode(200);
        String invoiceNumber = (String) await("the milestone invoice")
                .atMost(EVENT_DELIVERY)
                .until(() -> invoicesFor(customerId, offerId), invoices -> !invoices.isEmpty())
                .get(0)
                .get("invoiceNumber");

        JsonPath matrix = await("the matrix row with the invoice")
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> matrix(customerId),
                        m -> invoiceNumber.equals(m.getString("rows[0].milestones[0].invoices[0].number")));
        assertThat(matrix.getList("rows")).hasSize(1);
        assertThat(matrix.getString("rows[0].source")).isEqualTo("Angebot " + offerNumber + ", Pos. 1");
        assertThat(matrix.getString("rows[0].customer")).isEqualTo("Rückverfolgbar GmbH");
        assertThat(matrix.getList("rows[0].items.status")).containsExactly("DONE");
        assertThat(matrix.getList("rows[0].tests.lastResult")).containsExactly("PASSED");
        assertThat(matrix.getString("rows[0].milestones[0].name")).isEqualTo("Schnittstelle abgenommen");
        assertThat(matrix.getString("rows[0].milestones[0].completedOn")).isNotNull();
        assertThat(matrix.getList("findings.kind")).doesNotContain("DELIVERED_NOT_BILLED", "SUSPECT_LINK");
        assertThat(asAdmin()
                        .queryParam("customerId", customerId)
                        .get(PD + "/traceability/markdown")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains(invoiceNumber, offerNumber);

        // Changed after approval: its links are suspect until confirmed, and only then can it be verified.
        change(requirement, "Buchungsstapel im DATEV-Format", "Mit Belegbildern");
        asAdmin()
                .get(PD + "/requirements/{id}", requirement)
                .then()
                .body("version", equalTo(2))
                .body("suspect", equalTo(true));
        assertThat(matrix(customerId).getInt("rows[0].suspectLinks")).isEqualTo(2);
        asAdmin()
                .post(PD + "/requirements/{id}/verify", requirement)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("links"));
        List<String> links = asAdmin()
                .get(PD + "/requirements/{id}/links", requirement)
                .then()
                .extract()
                .path("id");
        for (String link : links) {
            asAdmin()
                    .post(PD + "/requirements/{id}/links/{l}/confirm", requirement, link)
                    .then()
                    .statusCode(200)
                    .body("suspect", equalTo(false));
        }
        asAdmin().get(PD + "/requirements/{id}", requirement).then().body("suspect", equalTo(false));
        assertThat(matrix(customerId).getInt("rows[0].suspectLinks")).isEqualTo(0);
        asAdmin()
                .post(PD + "/requirements/{id}/verify", requirement)
                .then()
                .statusCode(200)
                .body("status", equalTo("VERIFIED"));
    }

    private static void change(String requirement, String... criteria) {
        String title = asAdmin()
                .get(PD + "/requirements/{id}", requirement)
                .then()
                .extract()
                .path("title");
        asAdmin()
                .body(Map.of(
                        "title",
                        title,
                        "description",
                        "Vom Kunden im Angebot gewünscht.",
                        "kind",
                        "FUNCTIONAL",
                        "priority",
                        "MUST",
                        "acceptanceCriteria",
                        List.of(criteria)))
                .put(PD + "/requirements/{id}", requirement)
                .then()
                .statusCode(200);
    }

    private static JsonPath matrix(String customerId) {
        return asAdmin()
                .queryParam("customerId", customerId)
                .get(PD + "/traceability")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
