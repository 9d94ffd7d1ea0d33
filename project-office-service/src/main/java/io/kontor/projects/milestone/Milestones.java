package io.kontor.projects.milestone;

import io.kontor.platform.events.projects.MilestoneCompleted;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.projects.ProjectsConfig;
import io.kontor.projects.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Plans milestones and completes them; a completion tells accounting what to bill, for which offer and customer. */
@ApplicationScoped
public class Milestones {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ProjectsConfig config;

    @Transactional
    public Milestone plan(UUID projectId, String name, LocalDate dueDate, BigDecimal amount) {
        Project.require(projectId);
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.projectId = projectId;
        milestone.name = name;
        milestone.dueDate = dueDate;
        // Cents, as every amount Kontor bills; validation already refused more than two decimals.
        milestone.amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
        milestone.status = Milestone.Status.PLANNED;
        milestone.createdAt = Instant.now(clock);
        milestone.persist();
        return milestone;
    }

    @Transactional
    public Milestone complete(UUID projectId, UUID milestoneId) {
        Project project = Project.require(projectId);
        Milestone milestone = require(projectId, milestoneId);
        milestone.complete(calendar.today());
        outbox.publish(new MilestoneCompleted(
                projectId,
                milestone.id,
                milestone.name,
                project.offerId,
                project.customerId,
                milestone.amount,
                project.currency,
                milestone.completedOn));
        return milestone;
    }

    static Milestone require(UUID projectId, UUID milestoneId) {
        Milestone milestone = Milestone.findById(milestoneId);
        if (milestone == null || !milestone.projectId.equals(projectId)) {
            throw new NotFoundProblem("milestone", milestoneId);
        }
        return milestone;
    }
}
