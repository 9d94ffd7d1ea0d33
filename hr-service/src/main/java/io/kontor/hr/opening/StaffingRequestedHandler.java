package io.kontor.hr.opening;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.projects.StaffingRequested;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A project's staffing request becomes a draft job opening for the requested role, once. */
@ApplicationScoped
@Unremovable
public class StaffingRequestedHandler {

    @Inject
    JobOpenings openings;

    private static final EventRoutes<StaffingRequestedHandler> ROUTES = EventRoutes.of(StaffingRequestedHandler.class)
            .on(StaffingRequested.class, StaffingRequestedHandler::requested);

    @InboxHandled(topics = "projects.projects")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void requested(StaffingRequested request, EventMeta meta) {
        if (JobOpening.findByStaffingRequest(request.staffingRequestId()) != null) {
            return;
        }
        openings.draft(
                request.role(),
                null,
                null,
                "Requested by project " + request.projectId() + ", start " + request.startDate(),
                request.skills(),
                request.staffingRequestId(),
                request.projectId());
    }
}
