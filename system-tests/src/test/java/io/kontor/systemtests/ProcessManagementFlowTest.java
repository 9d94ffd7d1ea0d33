package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.kontor.systemtests.FlowSteps.acceptedOffer;
import static io.kontor.systemtests.FlowSteps.awaitInvoiceFor;
import static io.kontor.systemtests.FlowSteps.listProduct;
import static io.kontor.systemtests.FlowSteps.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Process management (issue #20) through the gateway: the audit trail verifies, then names the entry changed in
 * PostgreSQL behind the service's back (GoBD Rz. 58 ff.); a quote-to-cash case shows its steps and cycle time; a stuck
 * case raises one SLA event; a cancellation above the threshold waits for a second person.
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class ProcessManagementFlowTest extends SystemTest {

    @Test
    void audit_verification_passes_then_names_the_entry_tampered_with_in_the_database() throws Exception {
        String customerId = registerCustomer("Audit Probe GmbH");
        await("the customer's event in the audit trail")
                .atMost(EVENT_DELIVERY)
                .until(() -> entriesAbout(customerId).size() == 1);
        assertThat(verify().get("intact")).isEqualTo(true);
        long seq = ((Number) entriesAbout(customerId).get(0).get("seq")).longValue();

        String original = payload(seq);
        setPayload(seq, original.replace("Audit Probe GmbH", "Audit Probe AG"));
        try {
            Map<String, Object> broken = verify();
            assertThat(broken.get("intact")).isEqualTo(false);
            assertThat(((Number) ((Map<String, Object>) broken.get("firstBroken")).get("seq")).longValue())
                    .isEqualTo(seq);
        } finally {
            setPayload(seq, original);
        }
        assertThat(verify().get("intact")).isEqualTo(true);
    }

    @Test
    void a_paid_quote_to_cash_case_shows_its_steps_and_cycle_time() throws Exception {
        String customerId = registerCustomer("Havel Werkzeuge GmbH");
        String sku = listProduct("Workshop day", "1000.00");
        String offerId = acceptedOffer(customerId, sku, 2, "ON_ACCEPTANCE");
        Map<String, Object> issued = awaitInvoiceFor(customerId, offerId);
        String statement = FlowSteps.Camt053.ofSellersAccount()
                .credit(
                        new BigDecimal("2380.00"),
                        LocalDate.parse((String) issued.get("issueDate")).plusDays(1),
                        "Havel Werkzeuge GmbH",
                        "Rechnung " + issued.get("invoiceNumber"))
                .xml();
        asAdmin()
                .contentType(ContentType.XML)
                .body(statement)
                .post("/api/v1/accounting/bank-statements")
                .then()
                .statusCode(200);

        Map<String, Object> paidCase = await("the quote-to-cash case of offer " + offerId + " closed")
                .atMost(EVENT_DELIVERY)
                .until(() -> caseOf("quote-to-cash", offerId), c -> c != null && "CLOSED".equals(c.get("status")));

        List<Map<String, Object>> steps = (List<Map<String, Object>>) paidCase.get("steps");
        assertThat(steps)
                .extracting(s -> s.get("step"))
                .containsExactly("Offer sent", "Offer accepted", "Invoice issued", "Payment received", "Invoice paid");
        assertThat(Duration.parse((String) paidCase.get("cycleTime"))).isPositive();

        Map<String, Object> figures = asAdmin()
                .get("/api/v1/processes/quote-to-cash")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(((Number) figures.get("closed")).longValue()).isGreaterThanOrEqualTo(1);
        Files.writeString(Path.of("target/quote-to-cash-cycle-times.md"), table(figures));
    }

    @Test
    void a_stuck_staffing_case_raises_one_sla_event() throws Exception {
        String projectId = asAdmin()
                .body("""
                        {"name": "Stuck rollout", "managerEmail": "pm@kontor.example", "startDate": "2027-02-01"}
                        """)
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String requestId = asAdmin()
                .body("""
                        {"role": "Tester", "skills": ["Kafka"], "startDate": "2027-03-01"}
                        """)
                .post("/api/v1/projects/{id}/staffing-requests", projectId)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> stuck = await("the staffing case of " + requestId)
                .atMost(EVENT_DELIVERY)
                .until(() -> caseOf("staffing-to-hire", requestId), c -> c != null);
        String caseId = (String) stuck.get("id");
        EventEvidence evidence = new EventEvidence(platform);
        try {
            // staffing-to-hire's SLA is 30 days after the last step; locally the watch looks every few seconds.
            platform.shiftClock(Duration.ofDays(31));
            await("one sla breach of case " + caseId)
                    .atMost(EVENT_DELIVERY)
                    .until(() -> breachesOf(evidence, caseId) >= 1);
            // Several more checks later, still one.
            await().pollDelay(Duration.ofSeconds(15))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> true);
            assertThat(breachesOf(evidence, caseId)).isEqualTo(1);
        } finally {
            platform.shiftClock(Duration.ZERO);
        }
    }

    /** Four eyes (GoBD Rz. 100 ff.): above 10,000.00 EUR a cancellation waits; the requester cannot approve it. */
    @Test
    void a_cancellation_above_the_threshold_waits_for_a_second_person() {
        String customerId = registerCustomer("Spree Anlagenbau GmbH");
        String sku = listProduct("Plant audit", "6000.00");
        String offerId = acceptedOffer(customerId, sku, 2, "ON_ACCEPTANCE");
        String invoiceId = (String) awaitInvoiceFor(customerId, offerId).get("id");

        as("anna", "accounting")
                .body("{\"reason\":\"Falscher Leistungszeitraum\"}")
                .post("/api/v1/accounting/invoices/{id}/cancel", invoiceId)
                .then()
                .statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING_APPROVAL"));
        Map<String, Object> task = await("the approval task in accounting's inbox")
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> ((List<Map<String, Object>>) as("bernd", "accounting")
                                        .get("/api/v1/processes/tasks")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .path("items"))
                                .stream()
                                        .filter(t -> invoiceId.equals(t.get("subjectId")))
                                        .findFirst()
                                        .orElse(null),
                        t -> t != null);
        assertThat(FlowSteps.invoice(invoiceId).get("status")).isEqualTo("ISSUED");

        as("anna", "accounting")
                .body("{}")
                .post("/api/v1/processes/tasks/{id}/approve", task.get("id"))
                .then()
                .statusCode(409);
        as("bernd", "accounting")
                .body("{\"comment\":\"Geprüft\"}")
                .post("/api/v1/processes/tasks/{id}/approve", task.get("id"))
                .then()
                .statusCode(200);

        Map<String, Object> cancelled = await("the credit note of invoice " + invoiceId)
                .atMost(EVENT_DELIVERY)
                .until(() -> FlowSteps.invoice(invoiceId), i -> "CANCELLED".equals(i.get("status")));
        assertThat((String) cancelled.get("creditNoteNumber")).startsWith("GS-");
    }

    private static io.restassured.specification.RequestSpecification as(String subject, String role) {
        return io.restassured.RestAssured.given()
                .baseUri(platform.gatewayUrl())
                .contentType(ContentType.JSON)
                .header("Authorization", io.kontor.testing.TestTokens.bearerFor(subject, role));
    }

    private static long breachesOf(EventEvidence evidence, String caseId) {
        return evidence.readAll("process.cases").stream()
                .filter(r -> caseId.equals(r.key()))
                .filter(r -> "kontor.process.case-sla-breached.v1".equals(r.header("ce_type")))
                .count();
    }

    private static String table(Map<String, Object> figures) {
        StringBuilder out = new StringBuilder("| step | cases | p50 | p90 | max |\n|---|---|---|---|---|\n");
        Map<String, Object> endToEnd = (Map<String, Object>) figures.get("endToEnd");
        out.append(row("end to end", endToEnd));
        ((Map<String, Map<String, Object>>) figures.get("perStep"))
                .forEach((step, percentiles) -> out.append(row(step, percentiles)));
        return out.toString();
    }

    private static String row(String step, Map<String, Object> p) {
        return "| " + step + " | " + p.get("count") + " | " + p.get("p50") + " | " + p.get("p90") + " | " + p.get("max")
                + " |\n";
    }

    private static Map<String, Object> caseOf(String process, String root) {
        List<Map<String, Object>> cases = asAdmin()
                .queryParam("root", root)
                .get("/api/v1/processes/{process}/cases", process)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        return cases.isEmpty() ? null : cases.get(0);
    }

    private static Map<String, Object> verify() {
        return asAdmin()
                .get("/api/v1/processes/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .path("");
    }

    private static List<Map<String, Object>> entriesAbout(String subject) {
        return asAdmin()
                .queryParam("subject", subject)
                .get("/api/v1/processes/audit/entries")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(
                platform.postgres().jdbcUrl("process"),
                platform.postgres().username(),
                platform.postgres().password());
    }

    private static String payload(long seq) throws Exception {
        try (Connection connection = database();
                PreparedStatement select =
                        connection.prepareStatement("select payload from audit_entry where seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** As the table's owner would: switch the append-only trigger off, change the row, switch it on again. */
    private static void setPayload(long seq, String payload) throws Exception {
        try (Connection connection = database();
                Statement ddl = connection.createStatement();
                PreparedStatement update =
                        connection.prepareStatement("update audit_entry set payload = ? where seq = ?")) {
            ddl.execute("alter table audit_entry disable trigger audit_entry_no_update");
            try {
                update.setString(1, payload);
                update.setLong(2, seq);
                assertThat(update.executeUpdate()).isEqualTo(1);
            } finally {
                ddl.execute("alter table audit_entry enable trigger audit_entry_no_update");
            }
        }
    }
}
