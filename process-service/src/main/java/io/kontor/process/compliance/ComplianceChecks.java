package io.kontor.process.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.kontor.platform.events.accounting.InvoiceCancelled;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.events.accounting.SupplierInvoicePaid;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.process.ProcessConfig;
import io.kontor.process.audit.AuditEntry;
import io.kontor.process.compliance.ComplianceReport.Evidence;
import io.kontor.process.compliance.ComplianceReport.Finding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The compliance checks over the audit trail (GoBD Rz. 100 ff., internal control system): segregation of duties, frozen
 * invoice documents, approvals of acts that need one. The report is computed from the trail alone, which holds every
 * event once (inbox), so redelivered or replayed events give the same report.
 */
@ApplicationScoped
public class ComplianceChecks {

    /** The approval decision as Tasks records it in the trail. */
    static final String APPROVAL_DECIDED_ACT = "approval-decided";

    static final String SUPPLIER_INVOICE_ENTERED = "supplier-invoice.entered";
    static final String SUPPLIER_INVOICE_APPROVED = "supplier-invoice.approved";
    static final String PAYMENT_RUN_CREATED = "payment-run.created";

    private static final List<String> TYPES = List.of(
            ApprovalRequested.TYPE,
            APPROVAL_DECIDED_ACT,
            ApprovalDecided.TYPE,
            InvoiceIssued.TYPE,
            InvoiceCancelled.TYPE,
            SUPPLIER_INVOICE_ENTERED,
            SUPPLIER_INVOICE_APPROVED,
            PAYMENT_RUN_CREATED,
            SupplierInvoicePaid.TYPE);

    @Inject
    ProcessConfig config;

    @Inject
    BusinessCalendar calendar;

    @Inject
    ObjectMapper json;

    @Transactional
    public ComplianceReport report() {
        List<AuditEntry> entries = AuditEntry.list("eventType in ?1 order by seq", TYPES);
        List<Finding> findings = new ArrayList<>();
        approvalsByTheirRequester(entries, findings);
        supplierInvoicesEnteredAndApprovedByOne(entries, findings);
        supplierInvoicesEnteredAndPaidByOne(entries, findings);
        invoicesWithoutFrozenDocument(entries, findings);
        cancellationsWithoutApproval(entries, findings);
        findings.sort(Comparator.comparing(Finding::rule)
                .thenComparing(Finding::object)
                .thenComparing(
                        f -> f.evidence().isEmpty() ? 0 : f.evidence().get(0).seq()));
        return new ComplianceReport(calendar.now(), entries.size(), ComplianceReport.RULES, List.copyOf(findings));
    }

    /** Four eyes (GoBD Rz. 100 ff.): the person who asked for an act may not be the one who approves it. */
    private void approvalsByTheirRequester(List<AuditEntry> entries, List<Finding> findings) {
        Map<String, AuditEntry> requests = new HashMap<>();
        for (AuditEntry entry : entries) {
            if (ApprovalRequested.TYPE.equals(entry.eventType)) {
                requests.putIfAbsent(text(read(entry), "approvalId"), entry);
            }
        }
        for (AuditEntry entry : entries) {
            Decision decision = decision(entry);
            if (decision == null) {
                continue;
            }
            AuditEntry request = requests.get(decision.approvalId());
            String requestedBy = request != null ? text(read(request), "requestedBy") : decision.requestedBy();
            if (requestedBy != null && requestedBy.equals(decision.decidedBy())) {
                List<Evidence> evidence = new ArrayList<>();
                if (request != null) {
                    evidence.add(evidence(request));
                }
                evidence.add(evidence(entry));
                findings.add(new Finding(
                        ComplianceReport.SOD_APPROVAL_BY_REQUESTER,
                        "approval:" + decision.approvalId(),
                        decision.decidedBy() + " requested " + decision.act() + " of " + decision.subject()
                                + " and also decided it (" + decision.decision() + ")",
                        evidence));
            }
        }
    }

    /**
     * Whoever enters a supplier invoice may not also approve it for payment (segregation of duties in the purchase to
     * pay process; GoBD Rz. 100 ff.).
     */
    private void supplierInvoicesEnteredAndApprovedByOne(List<AuditEntry> entries, List<Finding> findings) {
        Map<String, List<AuditEntry>> entered = new LinkedHashMap<>();
        for (AuditEntry entry : entries) {
            if (SUPPLIER_INVOICE_ENTERED.equals(entry.eventType)) {
                entered.computeIfAbsent(entry.subject, s -> new ArrayList<>()).add(entry);
            }
        }
        for (AuditEntry approved : entries) {
            if (!SUPPLIER_INVOICE_APPROVED.equals(approved.eventType) || approved.actor == null) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            entered.getOrDefault(approved.subject, List.of()).stream()
                    .filter(entry -> approved.actor.equals(entry.actor))
                    .forEach(entry -> evidence.add(evidence(entry)));
            boolean recordedBySame = approved.actor.equals(text(read(approved).path("details"), "recordedBy"));
            if (!evidence.isEmpty() || recordedBySame) {
                evidence.add(evidence(approved));
                findings.add(new Finding(
                        ComplianceReport.SOD_SUPPLIER_INVOICE_ENTERED_AND_APPROVED,
                        approved.subject,
                        approved.actor + " entered the supplier invoice and also approved it for payment",
                        evidence));
            }
        }
    }

    /**
     * Whoever enters a supplier invoice may not also pay it: the payment run that paid it (named by the paid event) was
     * created by someone else (segregation of duties; GoBD Rz. 100 ff.).
     */
    private void supplierInvoicesEnteredAndPaidByOne(List<AuditEntry> entries, List<Finding> findings) {
        Map<String, AuditEntry> runs = new HashMap<>();
        Map<String, List<AuditEntry>> entered = new HashMap<>();
        for (AuditEntry entry : entries) {
            if (PAYMENT_RUN_CREATED.equals(entry.eventType)) {
                runs.putIfAbsent(entry.subject, entry);
            } else if (SUPPLIER_INVOICE_ENTERED.equals(entry.eventType)) {
                entered.computeIfAbsent(entry.subject, s -> new ArrayList<>()).add(entry);
            }
        }
        for (AuditEntry paid : entries) {
            if (!SupplierInvoicePaid.TYPE.equals(paid.eventType)) {
                continue;
            }
            JsonNode event = read(paid);
            AuditEntry run = runs.get("payment-run:" + text(event, "paymentRunId"));
            String invoice = "supplier-invoice:" + text(event, "supplierInvoiceId");
            if (run == null || run.actor == null) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            entered.getOrDefault(invoice, List.of()).stream()
                    .filter(entry -> run.actor.equals(entry.actor))
                    .forEach(entry -> evidence.add(evidence(entry)));
            if (!evidence.isEmpty()) {
                evidence.add(evidence(run));
                evidence.add(evidence(paid));
                findings.add(new Finding(
                        ComplianceReport.SOD_SUPPLIER_INVOICE_ENTERED_AND_PAID,
                        invoice,
                        run.actor + " entered the supplier invoice and also paid it (" + run.subject + ")",
                        evidence));
            }
        }
    }

    /**
     * Every issued invoice must have its document frozen at issue (GoBD Rz. 58, 74: unalterable; §14 UStG the invoice
     * as issued); the event names it by its SHA-256.
     */
    private void invoicesWithoutFrozenDocument(List<AuditEntry> entries, List<Finding> findings) {
        for (AuditEntry entry : entries) {
            if (!InvoiceIssued.TYPE.equals(entry.eventType)) {
                continue;
            }
            JsonNode issued = read(entry);
            String hash = text(issued, "documentSha256");
            if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                findings.add(new Finding(
                        ComplianceReport.INVOICE_WITHOUT_FROZEN_DOCUMENT,
                        "invoice:" + text(issued, "invoiceId"),
                        "invoice " + text(issued, "invoiceNumber") + " was issued without a frozen document",
                        List.of(evidence(entry))));
            }
        }
    }

    /**
     * A cancellation above the four-eyes amount must follow a second person's approval of it (the approval policy of
     * issue #20; GoBD Rz. 100 ff.): a cancelled invoice above the amount without an approving decision is a finding.
     */
    private void cancellationsWithoutApproval(List<AuditEntry> entries, List<Finding> findings) {
        BigDecimal above = config.compliance().invoiceCancellationApprovalAbove();
        Map<String, AuditEntry> issued = new HashMap<>();
        for (AuditEntry entry : entries) {
            if (InvoiceIssued.TYPE.equals(entry.eventType)) {
                issued.putIfAbsent(text(read(entry), "invoiceId"), entry);
            }
        }
        for (AuditEntry cancelled : entries) {
            if (!InvoiceCancelled.TYPE.equals(cancelled.eventType)) {
                continue;
            }
            String invoiceId = text(read(cancelled), "invoiceId");
            AuditEntry issue = issued.get(invoiceId);
            if (issue == null) {
                continue; // issued before the trail began: the amount is unknown here
            }
            BigDecimal gross = read(issue).path("grossTotal").decimalValue();
            if (gross.compareTo(above) <= 0) {
                continue;
            }
            boolean approved = entries.stream()
                    .map(this::decision)
                    .filter(Objects::nonNull)
                    .anyMatch(d -> invoiceId.equals(d.subject())
                            && ApprovalDecided.APPROVED.equals(d.decision())
                            // By the events' own time, not their place in the trail: topics arrive in any order.
                            && !d.at().isAfter(cancelled.occurredAt));
            if (!approved) {
                findings.add(new Finding(
                        ComplianceReport.CANCELLATION_WITHOUT_APPROVAL,
                        "invoice:" + invoiceId,
                        "invoice " + text(read(cancelled), "invoiceNumber") + " (" + gross.toPlainString()
                                + " gross, above " + above.toPlainString()
                                + ") was cancelled without a second person's approval",
                        List.of(evidence(issue), evidence(cancelled))));
            }
        }
    }

    /** An approval decision, from Tasks' administrative act or an {@code approval-decided} event. */
    private Decision decision(AuditEntry entry) {
        if (APPROVAL_DECIDED_ACT.equals(entry.eventType)) {
            // Recorded here by Tasks (the details are the payload) or by a service through audit.acts (in "details").
            JsonNode payload = read(entry);
            JsonNode details = payload.path("details").isObject() ? payload.path("details") : payload;
            return new Decision(
                    entry.occurredAt,
                    text(details, "approvalId"),
                    text(details, "act"),
                    entry.subject,
                    text(details, "decision"),
                    entry.actor,
                    text(details, "requestedBy"));
        }
        if (ApprovalDecided.TYPE.equals(entry.eventType)) {
            JsonNode decided = read(entry);
            return new Decision(
                    entry.occurredAt,
                    text(decided, "approvalId"),
                    text(decided, "act"),
                    text(decided, "subjectId"),
                    text(decided, "decision"),
                    text(decided, "decidedBy"),
                    null);
        }
        return null;
    }

    private record Decision(
            java.time.Instant at,
            String approvalId,
            String act,
            String subject,
            String decision,
            String decidedBy,
            String requestedBy) {}

    private static Evidence evidence(AuditEntry entry) {
        return new Evidence(entry.seq, entry.eventId, entry.eventType, entry.actor, entry.occurredAt);
    }

    private JsonNode read(AuditEntry entry) {
        try {
            return json.readTree(entry.payload);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
