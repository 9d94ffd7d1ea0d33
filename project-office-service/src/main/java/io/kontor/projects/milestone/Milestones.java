package io.kontor.projects.milestone;

import io.kontor.platform.events.projects.MilestoneCompleted;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
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
        Project project = Found.byId(Project.class, projectId, "project");
        if (amount != null) {
            capByOffer(project, amount.setScale(2, RoundingMode.HALF_UP));
        }
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

    /**
     * A milestone with an amount bills the project's accepted offer: only a project opened from an offer sold for
     * billing by milestones may plan one, and all its milestones together bill at most the offer's net total (what the
     * customer accepted; a final invoice then settles the rest, §14 (5) UStG). The project row is locked, so two
     * plannings at once cannot both take the last part of the total.
     */
    private static void capByOffer(Project project, BigDecimal amount) {
        if (project.offerId == null) {
            throw new ConflictProblem(
                    "amount", "project " + project.name + " is not linked to an accepted offer; nothing to bill");
        }
        if (project.offerNetTotal == null) {
            throw new ConflictProblem(
                    "amount",
                    "project " + project.name + " names offer " + project.offerId
                            + ", which has not been accepted (yet); nothing to bill");
        }
        if (!"MILESTONES".equals(project.offerBilling)) {
            throw new ConflictProblem(
                    "amount",
                    "the offer of project " + project.name + " is billed " + project.offerBilling
                            + ", not by milestones");
        }
        Project.getEntityManager().lock(project, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        BigDecimal planned = Milestone.<Milestone>list("projectId", project.id).stream()
                .map(m -> m.amount)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (planned.add(amount).compareTo(project.offerNetTotal) > 0) {
            throw new ConflictProblem(
                    "amount",
                    "milestones of " + planned.add(amount) + " would bill more than the offer's net total of "
                            + project.offerNetTotal + " (" + planned + " planned already)");
        }
    }

    @Transactional
    public Milestone complete(UUID projectId, UUID milestoneId) {
        Project project = Found.byId(Project.class, projectId, "project");
        Milestone milestone =
                Found.byId(Milestone.class, milestoneId, "milestone", found -> found.projectId.equals(projectId));
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
}
