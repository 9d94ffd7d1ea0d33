package io.kontor.projects.report;

import java.util.stream.Collectors;

/** The status report as Markdown (CommonMark with GFM tables), to paste into a wiki or mail. */
public final class StatusReportMarkdown {

    public static final String MEDIA_TYPE = "text/markdown";

    private StatusReportMarkdown() {}

    public static String render(StatusReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Status report: ").append(text(report.projectName())).append("\n\n");
        md.append("- Date: ").append(report.reportDate()).append('\n');
        if (report.customerName() != null) {
            md.append("- Customer: ").append(text(report.customerName())).append('\n');
        }
        md.append("- Manager: ").append(text(report.managerEmail())).append('\n');
        md.append("- Status: **").append(report.rag()).append("**\n");
        for (String reason : report.reasons()) {
            md.append("  - ").append(text(reason)).append('\n');
        }

        md.append("\n## Escalated risks\n\n");
        if (report.escalatedRisks().isEmpty()) {
            md.append("None.\n");
        } else {
            riskTable(md, report.escalatedRisks());
        }
        md.append("\n## Open risks\n\n");
        if (report.openRisks().isEmpty()) {
            md.append("None.\n");
        } else {
            riskTable(md, report.openRisks());
        }

        md.append("\n## Overdue action items\n\n");
        if (report.overdueActionItems().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| Action item | Owner | Due | Days overdue |\n|---|---|---|---:|\n");
            for (StatusReport.ActionItemLine item : report.overdueActionItems()) {
                md.append("| ")
                        .append(cell(item.description()))
                        .append(" | ")
                        .append(cell(item.owner()))
                        .append(" | ")
                        .append(item.dueDate())
                        .append(" | ")
                        .append(item.daysOverdue())
                        .append(" |\n");
            }
        }

        md.append("\n## Milestones\n\n");
        if (report.milestones().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| Milestone | Due | Amount | Status | Days overdue |\n|---|---|---:|---|---:|\n");
            for (StatusReport.MilestoneLine milestone : report.milestones()) {
                md.append("| ")
                        .append(cell(milestone.name()))
                        .append(" | ")
                        .append(milestone.dueDate())
                        .append(" | ")
                        .append(
                                milestone.amount() == null
                                        ? ""
                                        : milestone.amount().toPlainString() + " " + milestone.currency())
                        .append(" | ")
                        .append(milestone.status())
                        .append(milestone.completedOn() == null ? "" : " " + milestone.completedOn())
                        .append(" | ")
                        .append(milestone.daysOverdue())
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static void riskTable(StringBuilder md, java.util.List<StatusReport.RiskLine> risks) {
        md.append("| Risk | Probability | Impact | Score | Owner | Mitigation |\n|---|---:|---:|---:|---|---|\n");
        md.append(risks.stream()
                .map(r -> "| " + cell(r.title()) + " | " + r.probability() + " | " + r.impact() + " | " + r.score()
                        + " | " + cell(r.owner()) + " | " + cell(r.mitigation()) + " |\n")
                .collect(Collectors.joining()));
    }

    /** Free text must not open a table cell or start Markdown of its own. */
    private static String cell(String value) {
        return value == null
                ? ""
                : text(value).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("`", "\\`")
                .replace("<", "&lt;")
                .replace("[", "\\[");
    }
}
