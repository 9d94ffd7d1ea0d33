package io.kontor.projects.directory;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.platform.inbox.InboxHandled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A new employee joins the staff directory. */
@ApplicationScoped
public class EmployeeOnboardedHandler {

    @Incoming("hr-employees")
    @Blocking
    @InboxHandled
    void on(IncomingEvent event) {
        if (!event.is(EmployeeOnboarded.class)) {
            return;
        }
        EmployeeOnboarded onboarded = event.data(EmployeeOnboarded.class);
        StaffMember member = StaffMember.findById(onboarded.employeeId());
        if (member == null) {
            member = new StaffMember();
            member.employeeId = onboarded.employeeId();
            member.persist();
        }
        member.firstName = onboarded.firstName();
        member.lastName = onboarded.lastName();
        member.email = onboarded.email();
        member.jobTitle = onboarded.jobTitle();
        member.department = onboarded.department();
        member.startDate = onboarded.startDate();
    }
}
