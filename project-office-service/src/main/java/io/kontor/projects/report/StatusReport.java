package io.kontor.projects.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project's state on one day, as JSON or Markdown (API.md: rag, openRisks, escalatedRisks, overdueActionItems,
 * milestones).
 */
public record StatusReport(
        UUID projectId,
        String projectName,
        String customerName,
        String managerEmail,
        LocalDate reportDate,
        RagRule.Rag rag,
        List<String> reasons,
        List<RiskLine> openRisks,
        List<RiskLine> escalatedRisks,
        List<ActionItemLine> overdueActionItems,
        List<MilestoneLine> milestones) {

    public record RiskLine(
            UUID id, String title, int probability, int impact, int score, String owner, String mitigation) {}

    public record ActionItemLine(UUID id, String description, String owner, LocalDate dueDate, long daysOverdue) {}

    public record MilestoneLine(
            UUID id,
            String name,
            LocalDate dueDate,
            BigDecimal amount,
            String currency,
            String status,
            LocalDate completedOn,
            long daysOverdue) {}
}
