package io.kontor.projects.milestone;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.productdevelopment.BacklogItemCompleted;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/** A backlog item done for a milestone: the milestone delivers the requirements the item implements. */
@ApplicationScoped
@Unremovable
public class BacklogItemCompletedHandler {

    private static final EventRoutes<BacklogItemCompletedHandler> ROUTES = EventRoutes.of(
                    BacklogItemCompletedHandler.class)
            .on(BacklogItemCompleted.class, BacklogItemCompletedHandler::completed);

    @InboxHandled(topics = "product-development.backlog")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void completed(BacklogItemCompleted completed, EventMeta meta) {
        if (completed.milestoneId() == null || completed.requirements() == null) {
            return;
        }
        for (BacklogItemCompleted.RequirementReference requirement : completed.requirements()) {
            MilestoneRequirement.remember(
                    completed.milestoneId(),
                    requirement.requirementId(),
                    requirement.number(),
                    requirement.title(),
                    requirement.version());
        }
    }
}
