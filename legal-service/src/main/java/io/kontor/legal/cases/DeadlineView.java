package io.kontor.legal.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A deadline of a matter with its case number; {@code overdue} open past its day. */
public record DeadlineView(
        UUID id,
        UUID caseId,
        String caseNumber,
        String title,
        LocalDate dueOn,
        String basis,
        LocalDate remindOn,
        Instant remindedAt,
        LocalDate doneOn,
        String doneBy,
        boolean overdue) {
    static DeadlineView of(CaseDeadline d, LegalCase matter, LocalDate today) {
        return new DeadlineView(
                d.id,
                d.caseId,
                matter.caseNumber,
                d.title,
                d.dueOn,
                d.basis,
                d.remindOn,
                d.remindedAt,
                d.doneOn,
                d.doneBy,
                d.isOpen() && d.dueOn.isBefore(today));
    }
}
