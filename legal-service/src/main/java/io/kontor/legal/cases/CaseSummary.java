package io.kontor.legal.cases;

import io.quarkus.panache.common.Sort;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A matter in a list, with its next open deadline. */
public record CaseSummary(
        UUID id,
        String caseNumber,
        CaseKind kind,
        CaseStatus status,
        String title,
        UUID invoiceId,
        String invoiceNumber,
        String currency,
        BigDecimal claimAmount,
        LocalDate openedOn,
        LocalDate nextDeadline,
        CaseResult result,
        LocalDate closedOn) {
    static CaseSummary of(LegalCase c) {
        CaseDeadline next = CaseDeadline.<CaseDeadline>find("caseId = ?1 and doneOn is null", Sort.by("dueOn"), c.id)
                .firstResult();
        return new CaseSummary(
                c.id,
                c.caseNumber,
                c.kind,
                c.status,
                c.title,
                c.invoiceId,
                c.invoiceNumber,
                c.currency,
                c.claimAmount,
                c.openedOn,
                next == null ? null : next.dueOn,
                c.result,
                c.closedOn);
    }
}
