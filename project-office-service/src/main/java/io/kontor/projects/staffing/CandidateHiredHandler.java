package io.kontor.projects.staffing;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.hr.CandidateHired;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A hire that names one of our staffing requests fills it. */
@ApplicationScoped
@Unremovable
public class CandidateHiredHandler {

    @Inject
    StaffingRequests requests;

    private static final EventRoutes<CandidateHiredHandler> ROUTES =
            EventRoutes.of(CandidateHiredHandler.class).on(CandidateHired.class, CandidateHiredHandler::hired);

    @InboxHandled(topics = "hr.applications")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void hired(CandidateHired hired, EventMeta meta) {
        if (hired.staffingRequestId() != null) {
            requests.filled(hired.staffingRequestId(), hired.employeeId());
        }
    }
}
