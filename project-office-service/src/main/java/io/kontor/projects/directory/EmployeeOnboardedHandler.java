package io.kontor.projects.directory;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.hr.EmployeeLeft;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.platform.inbox.InboxHandled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A new employee joins the staff directory; one who leaves is marked with the last day. One handler for both, since a
 * channel has one consumer; hr sends an employee's events in order (record key = employee id).
 */
@ApplicationScoped
public class EmployeeOnboardedHandler {

    @Incoming("hr-employees")
    @Blocking
    @InboxHandled
    void on(IncomingEvent event) {
        if (event.is(EmployeeLeft.class)) {
            EmployeeLeft left = event.data(EmployeeLeft.class);
            member(left.employeeId()).leavingDate = left.leavingDate();
            return;
        }
        if (!event.is(EmployeeOnboarded.class)) {
            return;
        }
        EmployeeOnboarded onboarded = event.data(EmployeeOnboarded.class);
        StaffMember member = member(onboarded.employeeId());
        member.firstName = onboarded.firstName();
        member.lastName = onboarded.lastName();
        member.email = onboarded.email();
        member.jobTitle = onboarded.jobTitle();
        member.department = onboarded.department();
        member.startDate = onboarded.startDate();
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
