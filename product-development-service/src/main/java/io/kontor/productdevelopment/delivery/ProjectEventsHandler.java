package io.kontor.productdevelopment.delivery;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.projects.MilestoneCompleted;
import io.kontor.platform.events.projects.ProjectCreated;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/** Remembers projects (to find a requirement's project from its offer) and completed milestones. */
@ApplicationScoped
@Unremovable
public class ProjectEventsHandler {

    private static final EventRoutes<ProjectEventsHandler> ROUTES = EventRoutes.of(ProjectEventsHandler.class)
            .on(ProjectCreated.class, ProjectEventsHandler::created)
            .on(MilestoneCompleted.class, ProjectEventsHandler::completed);

    @InboxHandled(topics = "projects.projects")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void created(ProjectCreated created, EventMeta meta) {
        Project project = Project.findById(created.projectId());
        boolean known = project != null;
        if (!known) {
            project = new Project();
            project.id = created.projectId();
        }
        project.name = created.name();
        project.customerId = created.customerId();
        project.offerId = created.offerId();
        if (!known) {
            project.persist();
        }
    }

    void completed(MilestoneCompleted completed, EventMeta meta) {
        Milestone milestone = Milestone.findById(completed.milestoneId());
        boolean known = milestone != null;
        if (!known) {
            milestone = new Milestone();
            milestone.id = completed.milestoneId();
        }
        milestone.projectId = completed.projectId();
        milestone.name = completed.name();
        milestone.offerId = completed.offerId();
        milestone.customerId = completed.customerId();
        milestone.completedOn = completed.completedOn();
        if (!known) {
            milestone.persist();
        }
    }
}
