package io.kontor.process.intake;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.audit.AdminActRecorded;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.process.audit.AuditTrail;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The administrative acts of every service ({@code audit.acts}): each, once (the inbox), into the audit trail as an
 * administrative act. They are not process steps, so the monitor does not see them. A type this build does not know yet
 * still goes into the trail, as a domain event would: the trail is complete before it is understood.
 */
@ApplicationScoped
@Unremovable
public class AdminActsHandler {

    @Inject
    AuditTrail audit;

    @InboxHandled(topics = "audit.acts")
    void on(IncomingEvent event) {
        if (event.is(AdminActRecorded.class)) {
            audit.recordAdminAct(event, event.data(AdminActRecorded.class));
        } else {
            audit.recordEvent(event);
        }
    }
}
