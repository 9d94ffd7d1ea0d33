package io.kontor.projects.staffing;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.hr.CandidateHired;
import io.kontor.platform.inbox.InboxHandled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A hire that names one of our staffing requests fills it. */
@ApplicationScoped
public class CandidateHiredHandler {

    @Inject
    StaffingRequests requests;

    private static final EventRoutes<CandidateHiredHandler> ROUTES =
            EventRoutes.of(CandidateHiredHandler.class).on(CandidateHired.class, CandidateHiredHandler::hired);

    @Incoming("hr-applications")
    @Blocking
    @InboxHandled
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void hired(CandidateHired hired, EventMeta meta) {
        if (hired.staffingRequestId() != null) {
            requests.filled(hired.staffingRequestId(), hired.employeeId());
        }
    }
}
