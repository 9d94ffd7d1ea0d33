package io.kontor.systemtests;

import static io.kontor.systemtests.FlowSteps.EVENT_DELIVERY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.devinfra.DevJwt;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * IT compliance (issue #20) through the gateway: an admin's dead-letter replay in a service is in process-service's
 * audit trail with who did it, and the chain still verifies (GoBD Rz. 58, 151 ff.); a supplier invoice entered and
 * approved by the same person is a segregation-of-duties finding in the compliance report (GoBD Rz. 100 ff.).
 */
@SuppressWarnings("unchecked") // JSON answers read as maps and lists
class AuditComplianceFlowTest extends SystemTest {

    @Test
    void a_dead_letter_replay_by_an_admin_is_in_the_audit_trail_and_the_chain_verifies() {
        String admin = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        String consumer = "sales-backoffice-service/Probe" + admin.substring(4) + ".on";
        as(admin, "admin")
                .body(Map.of("topic", "accounting.invoices", "consumer", consumer))
                .post("/api/v1/sales/admin/dead-letters/replay")
                .then()
                .statusCode(200);

        Map<String, Object> entry = await("the replay in the audit trail")
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> asAdmin()
                                .queryParam("type", "dead-letters.replayed")
                                .queryParam("subject", "topic:accounting.invoices")
                                .queryParam("size", 200)
                                .get("/api/v1/processes/audit/entries")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path("items")
                                .stream()
                                .filter(e -> ((String) e.get("actor")).endsWith(" " + admin))
                                .findFirst()
                                .orElse(null),
                        e -> e != null);
        assertThat(entry.get("kind")).isEqualTo("ADMINISTRATIVE_ACT");
        assertThat(entry.get("topic")).isEqualTo("audit.acts");
        assertThat(entry.get("recordKind")).isEqualTo("ADMINISTRATIVE");

        Map<String, Object> verdict = asAdmin()
                .get("/api/v1/processes/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(verdict.get("intact")).isEqualTo(true);
    }

    @Test
    void a_supplier_invoice_entered_and_approved_by_one_person_is_a_compliance_finding() {
        // Rechnung of Rechenzentrum Süd AG at half the hours: 600.00 at 19 % + 40.00 at 7 % = 756.80, below the
        // second-approval limit (1000.00), so accounting lets the person who entered it approve it too; the report
        // names it.
        String number = "RZ-2026-" + UUID.randomUUID().toString().substring(0, 6);
        String xml = resource("payables/xrechnung-rechenzentrum-sued.xml")
                .replace("RZ-2026-0815", number)
                .replace("1200.0000", "600.0000")
                .replace("<ram:LineTotalAmount>1200.00<", "<ram:LineTotalAmount>600.00<")
                .replace("<ram:BasisAmount>1200.00<", "<ram:BasisAmount>600.00<")
                .replace("<ram:CalculatedAmount>228.00<", "<ram:CalculatedAmount>114.00<")
                .replace("<ram:LineTotalAmount>1240.00<", "<ram:LineTotalAmount>640.00<")
                .replace("<ram:TaxBasisTotalAmount>1240.00<", "<ram:TaxBasisTotalAmount>640.00<")
                .replace(">230.80<", ">116.80<")
                .replace("1470.80", "756.80");
        String clerk = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        String invoiceId = as(clerk, "accounting")
                .contentType("multipart/form-data")
                .multiPart("file", number + ".xml", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
                .post("/api/v1/accounting/supplier-invoices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(clerk, "accounting")
                .post("/api/v1/accounting/supplier-invoices/{id}/approve", invoiceId)
                .then()
                .statusCode(200);

        Map<String, Object> finding = await("the finding in the compliance report")
                .atMost(EVENT_DELIVERY)
                .until(
                        () -> asAdmin()
                                .get("/api/v1/processes/audit/compliance")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<Map<String, Object>>>path("findings")
                                .stream()
                                .filter(f -> ("supplier-invoice:" + invoiceId).equals(f.get("object")))
                                .findFirst()
                                .orElse(null),
                        f -> f != null);
        assertThat(finding.get("rule")).isEqualTo("SOD_SUPPLIER_INVOICE_ENTERED_AND_APPROVED");
        List<Map<String, Object>> evidence = (List<Map<String, Object>>) finding.get("evidence");
        assertThat(evidence)
                .extracting(e -> e.get("eventType"))
                .containsExactly("supplier-invoice.entered", "supplier-invoice.approved");
        assertThat(evidence).allSatisfy(e -> assertThat((String) e.get("actor")).endsWith(" " + clerk));
        System.out.println("Compliance finding: " + finding);
    }

    private static RequestSpecification as(String subject, String role) {
        return given().baseUri(platform.gatewayUrl())
                .contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + DevJwt.mint(subject, Duration.ofMinutes(20), role));
    }

    private static String resource(String name) {
        try (InputStream in = AuditComplianceFlowTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
