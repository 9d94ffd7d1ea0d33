package io.kontor.process.compliance;

import java.time.Instant;
import java.util.List;

/**
 * What the compliance checks found in the audit trail: each finding names the rule, the object and the entries that
 * prove it. Findings are ordered by rule and object, so the same trail always gives the same report.
 */
public record ComplianceReport(Instant generatedAt, long entriesExamined, List<String> rules, List<Finding> findings) {

    /** The rules, by the name a finding carries. */
    public static final String SOD_APPROVAL_BY_REQUESTER = "SOD_APPROVAL_BY_REQUESTER";

    public static final String SOD_SUPPLIER_INVOICE_ENTERED_AND_APPROVED = "SOD_SUPPLIER_INVOICE_ENTERED_AND_APPROVED";
    public static final String SOD_SUPPLIER_INVOICE_ENTERED_AND_PAID = "SOD_SUPPLIER_INVOICE_ENTERED_AND_PAID";
    public static final String INVOICE_WITHOUT_FROZEN_DOCUMENT = "INVOICE_WITHOUT_FROZEN_DOCUMENT";
    public static final String CANCELLATION_WITHOUT_APPROVAL = "CANCELLATION_WITHOUT_APPROVAL";

    public static final List<String> RULES = List.of(
            SOD_APPROVAL_BY_REQUESTER,
            SOD_SUPPLIER_INVOICE_ENTERED_AND_APPROVED,
            SOD_SUPPLIER_INVOICE_ENTERED_AND_PAID,
            INVOICE_WITHOUT_FROZEN_DOCUMENT,
            CANCELLATION_WITHOUT_APPROVAL);

    /**
     * @param object what the finding is about, {@code <type>:<id>}
     * @param evidence the audit entries that show it, in trail order
     */
    public record Finding(String rule, String object, String description, List<Evidence> evidence) {}

    /** An audit entry as evidence: its place in the chain, its event id (when it came as an event), what and who. */
    public record Evidence(long seq, String eventId, String eventType, String actor, Instant occurredAt) {}
}
