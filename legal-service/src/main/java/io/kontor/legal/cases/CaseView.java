package io.kontor.legal.cases;

import io.quarkus.panache.common.Sort;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One matter with its parties, deadlines, documents, costs and result. */
public record CaseView(
        UUID id,
        String caseNumber,
        CaseKind kind,
        CaseStatus status,
        String title,
        String summary,
        UUID invoiceId,
        String invoiceNumber,
        UUID customerId,
        UUID employeeId,
        String currency,
        BigDecimal claimAmount,
        LocalDate openedOn,
        String openedBy,
        List<PartyView> parties,
        List<DeadlineView> deadlines,
        List<DocumentView> documents,
        List<CostView> costs,
        BigDecimal costsTotal,
        CaseResult result,
        BigDecimal amountRecovered,
        String closingNote,
        LocalDate closedOn,
        String closedBy) {

    static CaseView of(LegalCase c, LocalDate today) {
        List<CaseCost> costs = CaseCost.list("caseId", Sort.by("incurredOn").and("recordedAt"), c.id);
        return new CaseView(
                c.id,
                c.caseNumber,
                c.kind,
                c.status,
                c.title,
                c.summary,
                c.invoiceId,
                c.invoiceNumber,
                c.customerId,
                c.employeeId,
                c.currency,
                c.claimAmount,
                c.openedOn,
                c.openedBy,
                CaseParty.<CaseParty>list("caseId", Sort.by("position"), c.id).stream()
                        .map(PartyView::of)
                        .toList(),
                CaseDeadline.<CaseDeadline>list("caseId", Sort.by("dueOn"), c.id).stream()
                        .map(d -> DeadlineView.of(d, c, today))
                        .toList(),
                CaseDocument.<CaseDocument>find("caseId", Sort.by("uploadedAt"), c.id)
                        .project(DocumentView.class)
                        .list(),
                costs.stream().map(CostView::of).toList(),
                costs.stream().map(cost -> cost.amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                c.result,
                c.amountRecovered,
                c.closingNote,
                c.closedOn,
                c.closedBy);
    }

    public record PartyView(PartyRole role, String name, String reference, String contact) {
        static PartyView of(CaseParty p) {
            return new PartyView(p.role, p.name, p.reference, p.contact);
        }
    }

    public record CostView(
            UUID id,
            CostKind kind,
            String description,
            BigDecimal amount,
            String currency,
            LocalDate incurredOn,
            String recordedBy) {
        static CostView of(CaseCost c) {
            return new CostView(c.id, c.kind, c.description, c.amount, c.currency, c.incurredOn, c.recordedBy);
        }
    }
}
