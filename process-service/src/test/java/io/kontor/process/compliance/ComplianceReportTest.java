package io.kontor.process.compliance;

import static io.kontor.process.ProcessApi.BASE;
import static io.kontor.process.ProcessApi.as;
import static io.kontor.process.ProcessApi.asSubject;
import static io.kontor.process.ProcessApi.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.devinfra.DevJwt;
import io.kontor.platform.events.DomainEvent;
import io.kontor.platform.events.accounting.InvoiceCancelled;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.events.accounting.SupplierInvoicePaid;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.audit.AdminActRecorded;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The compliance report over the audit trail (GoBD Rz. 100 ff., internal control system), fed by real events through
 * Kafka: each planted violation is found with its rule, object and evidence, each compliant twin is not, and the same
 * events delivered again give the same report (the inbox keeps each once).
 */
@QuarkusTest
class ComplianceReportTest {

    private static final String HASH = "5f1c9a3e7b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a";
    private static final String ANNA = DevJwt.ISSUER + " anna";
    private static final String BERND = DevJwt.ISSUER + " bernd";

    @Inject
    TestEvents events;

    private record Sent(String service, DomainEvent event, String id, Instant time) {}

    private final List<Sent> sent = new ArrayList<>();

    @Test
    void planted_violations_are_found_their_compliant_twins_are_not_and_a_redelivery_gives_the_same_report() {
        // Segregation of duties in purchase to pay: anna enters and approves one supplier invoice herself; another she
        // enters and bernd approves.
        UUID selfApproved = UUID.randomUUID();
        UUID fourEyes = UUID.randomUUID();
        send("accounting-service", act("supplier-invoice.entered", ANNA, "supplier-invoice:" + selfApproved, Map.of()));
        send("accounting-service", act("supplier-invoice.entered", ANNA, "supplier-invoice:" + fourEyes, Map.of()));
        send(
                "accounting-service",
                act("supplier-invoice.approved", ANNA, "supplier-invoice:" + selfApproved, Map.of("recordedBy", ANNA)));
        send(
                "accounting-service",
                act("supplier-invoice.approved", BERND, "supplier-invoice:" + fourEyes, Map.of("recordedBy", ANNA)));

        // And anna pays an invoice she entered herself; bernd pays the one anna entered and bernd approved.
        UUID selfPaid = UUID.randomUUID();
        UUID annasRun = UUID.randomUUID();
        UUID berndsRun = UUID.randomUUID();
        send("accounting-service", act("supplier-invoice.entered", ANNA, "supplier-invoice:" + selfPaid, Map.of()));
        send("accounting-service", act("payment-run.created", ANNA, "payment-run:" + annasRun, Map.of()));
        send("accounting-service", act("payment-run.created", BERND, "payment-run:" + berndsRun, Map.of()));
        send("accounting-service", paid(selfPaid, annasRun));
        send("accounting-service", paid(fourEyes, berndsRun));

        // An invoice issued without its frozen document, and one with it.
        UUID unfrozen = UUID.randomUUID();
        UUID frozen = UUID.randomUUID();
        send("accounting-service", issued(unfrozen, "RE-2026-009001", "4938.50", null));
        send("accounting-service", issued(frozen, "RE-2026-009002", "4938.50", HASH));

        // Four eyes (§ approval policy of issue #20): one cancellation above 10,000 without a decision; one whose
        // requester approved it herself (a decision recorded by a service through audit.acts); one approved by a
        // second person in the task inbox.
        UUID cancelledAlone = UUID.randomUUID();
        UUID cancelledSelfApproved = UUID.randomUUID();
        UUID cancelledApproved = UUID.randomUUID();
        UUID selfApproval = UUID.randomUUID();
        UUID approval = UUID.randomUUID();
        send("accounting-service", issued(cancelledAlone, "RE-2026-009003", "14280.00", HASH));
        send("accounting-service", issued(cancelledSelfApproved, "RE-2026-009004", "14280.00", HASH));
        send("accounting-service", issued(cancelledApproved, "RE-2026-009005", "14280.00", HASH));
        send("accounting-service", request(selfApproval, cancelledSelfApproved, "RE-2026-009004"));
        send(
                "accounting-service",
                act(
                        "approval-decided",
                        ANNA,
                        cancelledSelfApproved.toString(),
                        Map.of(
                                "approvalId",
                                selfApproval.toString(),
                                "act",
                                "invoice-cancellation",
                                "decision",
                                "APPROVED")));
        send("accounting-service", request(approval, cancelledApproved, "RE-2026-009005"));
        approveInTheInbox(cancelledApproved);
        send("accounting-service", cancelled(cancelledAlone, "RE-2026-009003"));
        send("accounting-service", cancelled(cancelledSelfApproved, "RE-2026-009004"));
        send("accounting-service", cancelled(cancelledApproved, "RE-2026-009005"));

        Set<String> objects = Set.of(
                "supplier-invoice:" + selfApproved,
                "supplier-invoice:" + fourEyes,
                "supplier-invoice:" + selfPaid,
                "invoice:" + unfrozen,
                "invoice:" + frozen,
                "invoice:" + cancelledAlone,
                "invoice:" + cancelledSelfApproved,
                "invoice:" + cancelledApproved,
                "approval:" + selfApproval,
                "approval:" + approval);
        List<Map<String, Object>> findings =
                await().atMost(Duration.ofSeconds(60)).until(() -> findingsOn(objects), found -> found.size() >= 5);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        findings = findingsOn(objects);

        assertThat(findings)
                .extracting(f -> f.get("rule") + " " + f.get("object"))
                .containsExactly(
                        "CANCELLATION_WITHOUT_APPROVAL invoice:" + cancelledAlone,
                        "INVOICE_WITHOUT_FROZEN_DOCUMENT invoice:" + unfrozen,
                        "SOD_APPROVAL_BY_REQUESTER approval:" + selfApproval,
                        "SOD_SUPPLIER_INVOICE_ENTERED_AND_APPROVED supplier-invoice:" + selfApproved,
                        "SOD_SUPPLIER_INVOICE_ENTERED_AND_PAID supplier-invoice:" + selfPaid);
        Map<String, Object> sod = findings.get(3);
        assertThat(evidence(sod, "eventType")).containsExactly("supplier-invoice.entered", "supplier-invoice.approved");
        assertThat(evidence(sod, "actor")).containsOnly(ANNA);
        assertThat(evidence(findings.get(0), "eventType")).containsExactly(InvoiceIssued.TYPE, InvoiceCancelled.TYPE);
        assertThat(evidence(findings.get(2), "eventType")).containsExactly(ApprovalRequested.TYPE, "approval-decided");
        assertThat(evidence(findings.get(1), "eventId")).containsExactly(idOf(unfrozen));
        assertThat(evidence(findings.get(4), "eventType"))
                .containsExactly("supplier-invoice.entered", "payment-run.created", SupplierInvoicePaid.TYPE);

        // Every event once more, as after a consumer's offsets were reset to the beginning: the same report.
        sent.forEach(s -> events.send(s.service(), s.event(), s.id(), s.time()));
        await().pollDelay(Duration.ofSeconds(5)).until(() -> true);
        assertThat(findingsOn(objects)).isEqualTo(findings);
    }

    @Test
    void only_the_process_owner_and_admin_read_the_report() {
        as("accounting").get(BASE + "/audit/compliance").then().statusCode(403);
        as("admin").get(BASE + "/audit/compliance").then().statusCode(200);
    }

    private void approveInTheInbox(UUID invoice) {
        String task = await().atMost(Duration.ofSeconds(30)).until(() -> taskFor(invoice), id -> id != null);
        asSubject("bernd", "accounting")
                .body("{}")
                .post(BASE + "/tasks/" + task + "/approve")
                .then()
                .statusCode(200);
    }

    private static String taskFor(UUID invoice) {
        JsonPath inbox = asSubject("bernd", "accounting")
                .queryParam("size", 200)
                .get(BASE + "/tasks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int index = inbox.getList("items.subjectId").indexOf(invoice.toString());
        return index < 0 ? null : inbox.getString("items[" + index + "].id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findingsOn(Set<String> objects) {
        List<Map<String, Object>> all = owner().get(BASE + "/audit/compliance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findings");
        return all.stream().filter(f -> objects.contains(f.get("object"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> evidence(Map<String, Object> finding, String field) {
        return ((List<Map<String, Object>>) finding.get("evidence"))
                .stream().map(e -> e.get(field)).toList();
    }

    private String idOf(UUID invoice) {
        return sent.stream()
                .filter(s ->
                        s.event() instanceof InvoiceIssued i && i.invoiceId().equals(invoice))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private void send(String service, DomainEvent event) {
        Sent s = new Sent(service, event, UUID.randomUUID().toString(), Instant.now());
        sent.add(s);
        events.send(s.service(), s.event(), s.id(), s.time());
    }

    private static AdminActRecorded act(String act, String actor, String target, Map<String, String> details) {
        return new AdminActRecorded(
                UUID.randomUUID(),
                "accounting-service",
                act,
                AdminActRecorded.CHANGE,
                actor,
                target,
                details,
                Instant.now());
    }

    private static InvoiceIssued issued(UUID invoice, String number, String gross, String hash) {
        BigDecimal total = new BigDecimal(gross);
        return new InvoiceIssued(
                invoice,
                number,
                UUID.randomUUID(),
                null,
                LocalDate.now(),
                LocalDate.now().plusDays(30),
                total,
                BigDecimal.ZERO,
                total,
                "EUR",
                null,
                null,
                hash);
    }

    private static SupplierInvoicePaid paid(UUID invoice, UUID run) {
        return new SupplierInvoicePaid(
                invoice,
                UUID.randomUUID(),
                "ER-" + invoice.toString().substring(0, 6),
                new BigDecimal("119.00"),
                BigDecimal.ZERO,
                "EUR",
                run,
                LocalDate.now());
    }

    private static InvoiceCancelled cancelled(UUID invoice, String number) {
        return new InvoiceCancelled(invoice, number, "GS-" + number, UUID.randomUUID(), null);
    }

    private static ApprovalRequested request(UUID approval, UUID invoice, String number) {
        return new ApprovalRequested(
                approval,
                "invoice-cancellation",
                "invoice",
                invoice.toString(),
                new BigDecimal("14280.00"),
                "EUR",
                "Stornierung " + number + ": Doppelt berechnet",
                "/api/v1/accounting/invoices/" + invoice,
                "accounting",
                ANNA,
                Instant.now());
    }
}
