package io.kontor.projects.report;

import io.kontor.platform.events.projects.StatusReportPublished;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.projects.ProjectsConfig;
import io.kontor.projects.directory.Customer;
import io.kontor.projects.milestone.Milestone;
import io.kontor.projects.minutes.ActionItem;
import io.kontor.projects.project.Project;
import io.kontor.projects.risk.Risk;
import io.kontor.projects.risk.RiskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Takes a project's status report from its risks, milestones and action items, and publishes it. */
@ApplicationScoped
public class StatusReports {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    ProjectsConfig config;

    @Inject
    Outbox outbox;

    @Transactional
    public StatusReport current(UUID projectId) {
        Project project = Found.byId(Project.class, projectId, "project");
        RagRule rule = new RagRule(clock.withZone(calendar.zone()));
        LocalDate today = rule.today();
        List<Risk> risks = Risk.ofProject(projectId);
        List<Milestone> milestones = Milestone.ofProject(projectId);
        List<ActionItem> actionItems = ActionItem.ofProject(projectId);

        RagRule.Assessment assessment = rule.assess(
                risks.stream()
                        .map(r -> new RagRule.RiskFact(r.title, r.score(), r.status == RiskStatus.OPEN, r.escalated))
                        .toList(),
                milestones.stream()
                        .map(m -> new RagRule.MilestoneFact(m.name, m.dueDate, m.status == Milestone.Status.COMPLETED))
                        .toList(),
                actionItems.stream()
                        .map(a -> new RagRule.ActionItemFact(a.description, a.dueDate, a.done()))
                        .toList());

        List<Risk> open = risks.stream()
                .filter(r -> r.status == RiskStatus.OPEN)
                .sorted((a, b) -> Integer.compare(b.score(), a.score()))
                .toList();
        return new StatusReport(
                project.id,
                project.name,
                Customer.nameOf(project.customerId),
                project.managerEmail,
                today,
                assessment.rag(),
                assessment.reasons(),
                open.stream().map(StatusReports::line).toList(),
                open.stream().filter(r -> r.escalated).map(StatusReports::line).toList(),
                actionItems.stream()
                        .filter(a -> a.overdueOn(today))
                        .map(a -> new StatusReport.ActionItemLine(
                                a.id,
                                a.description,
                                a.owner,
                                a.dueDate,
                                RagRule.daysOverdue(a.dueDate, a.done(), today)))
                        .toList(),
                milestones.stream()
                        .map(m -> new StatusReport.MilestoneLine(
                                m.id,
                                m.name,
                                m.dueDate,
                                m.amount,
                                m.amount == null ? null : project.currency,
                                m.status.name(),
                                m.completedOn,
                                RagRule.daysOverdue(m.dueDate, m.status == Milestone.Status.COMPLETED, today)))
                        .toList());
    }

    /** Keeps the report as it is today (Markdown, for the record) and announces it. */
    @Transactional
    public PublishedStatusReport publish(UUID projectId, String by) {
        StatusReport report = current(projectId);
        PublishedStatusReport published = new PublishedStatusReport();
        published.id = UUID.randomUUID();
        published.projectId = projectId;
        published.reportDate = report.reportDate();
        published.rag = report.rag();
        published.openRisks = report.openRisks().size();
        published.escalatedRisks = report.escalatedRisks().size();
        published.overdueActionItems = report.overdueActionItems().size();
        published.markdown = StatusReportMarkdown.render(report);
        published.publishedAt = Instant.now(clock);
        published.publishedBy = by;
        published.persist();
        outbox.publish(new StatusReportPublished(
                projectId,
                published.id,
                report.rag().name(),
                published.openRisks,
                published.escalatedRisks,
                published.overdueActionItems,
                report.reportDate()));
        return published;
    }

    private static StatusReport.RiskLine line(Risk risk) {
        return new StatusReport.RiskLine(
                risk.id, risk.title, risk.probability, risk.impact, risk.score(), risk.owner, risk.mitigation);
    }
}
