package io.kontor.projects.directory;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.hr.EmployeeErased;
import io.kontor.platform.events.hr.EmployeeLeft;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * A new employee joins the staff directory; one who leaves is marked with the last day; one hr erased is forgotten here
 * too ({@link StaffErasure}). One handler for all, since a channel has one consumer; hr sends an employee's events in
 * order (record key = employee id), and the inbox handles each event once.
 */
@ApplicationScoped
@Unremovable
public class EmployeeOnboardedHandler {

    @Inject
    StaffErasure erasure;

    private static final EventRoutes<EmployeeOnboardedHandler> ROUTES = EventRoutes.of(EmployeeOnboardedHandler.class)
            .on(EmployeeOnboarded.class, EmployeeOnboardedHandler::onboarded)
            .on(EmployeeLeft.class, EmployeeOnboardedHandler::left)
            .on(EmployeeErased.class, EmployeeOnboardedHandler::erased);

    @InboxHandled(topics = "hr.employees")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    void onboarded(EmployeeOnboarded onboarded, EventMeta meta) {
        StaffMember member = member(onboarded.employeeId());
        if (member.isErased()) {
            return;
        }
        member.firstName = onboarded.firstName();
        member.lastName = onboarded.lastName();
        member.email = onboarded.email();
        member.jobTitle = onboarded.jobTitle();
        member.department = onboarded.department();
        member.startDate = onboarded.startDate();
    }

    void left(EmployeeLeft left, EventMeta meta) {
        StaffMember member = member(left.employeeId());
        if (!member.isErased()) {
            member.leavingDate = left.leavingDate();
        }
    }

    void erased(EmployeeErased erased, EventMeta meta) {
        erasure.forget(member(erased.employeeId()), erased.erasedOn());
    }

    private static StaffMember member(UUID employeeId) {
        StaffMember member = StaffMember.findById(employeeId);
        if (member == null) {
            member = new StaffMember();
            member.employeeId = employeeId;
            member.persist();
        }
        return member;
    }
}
