package io.kontor.projects.project;

import io.kontor.platform.events.projects.ProjectCreated;
import io.kontor.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Opens projects, by hand or from an accepted offer, always with a proposed kick-off. */
@ApplicationScoped
public class Projects {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A project for an accepted offer, which caps what its milestones may bill. */
    @Transactional
    public Project open(
            String name,
            UUID customerId,
            UUID offerId,
            String managerEmail,
            LocalDate startDate,
            String currency,
            String offerBilling,
            java.math.BigDecimal offerNetTotal) {
        Project project = open(name, customerId, offerId, managerEmail, startDate, currency);
        project.offerBilling = offerBilling;
        project.offerNetTotal = offerNetTotal;
        return project;
    }

    @Transactional
    public Project open(
            String name, UUID customerId, UUID offerId, String managerEmail, LocalDate startDate, String currency) {
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.name = name;
        project.customerId = customerId;
        project.offerId = offerId;
        project.managerEmail = managerEmail;
        project.startDate = startDate;
        project.currency = currency;
        project.kickoffStatus = Project.KickoffStatus.PROPOSED;
        project.createdAt = Instant.now(clock);
        project.persist();
        outbox.publish(new ProjectCreated(project.id, name, customerId, offerId, managerEmail, startDate));
        return project;
    }
}
