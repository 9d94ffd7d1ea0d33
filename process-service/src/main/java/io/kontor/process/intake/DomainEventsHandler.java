package io.kontor.process.intake;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.process.audit.AuditEntry;
import io.kontor.process.audit.AuditTrail;
import io.kontor.process.monitor.Monitor;
import io.kontor.process.task.HumanSteps;
import io.kontor.process.task.Tasks;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every domain topic, each on its channel: each event, whatever its type (also one this build does not know yet), goes
 * into the audit trail, once (the inbox).
 */
@ApplicationScoped
public class DomainEventsHandler {

    @Inject
    AuditTrail audit;

    @Inject
    Monitor monitor;

    @Inject
    Tasks tasks;

    @Inject
    HumanSteps steps;

    @Incoming("sales-customers")
    @Blocking
    @InboxHandled
    void salesCustomers(IncomingEvent event) {
        observe(event);
    }

    @Incoming("sales-offers")
    @Blocking
    @InboxHandled
    void salesOffers(IncomingEvent event) {
        observe(event);
    }

    @Incoming("accounting-invoices")
    @Blocking
    @InboxHandled
    void accountingInvoices(IncomingEvent event) {
        observe(event);
    }

    /** Acts of every service waiting for a second person: each becomes a task in the inbox of its role. */
    @Incoming("approvals-requests")
    @Blocking
    @InboxHandled
    void approvalRequests(IncomingEvent event) {
        observe(event);
        if (event.is(ApprovalRequested.class)) {
            tasks.requested(event.data(ApprovalRequested.class));
        }
    }

    @Incoming("accounting-bank")
    @Blocking
    @InboxHandled
    void accountingBank(IncomingEvent event) {
        observe(event);
    }

    @Incoming("accounting-payables")
    @Blocking
    @InboxHandled
    void accountingPayables(IncomingEvent event) {
        observe(event);
    }

    @Incoming("hr-applications")
    @Blocking
    @InboxHandled
    void hrApplications(IncomingEvent event) {
        observe(event);
    }

    @Incoming("hr-employees")
    @Blocking
    @InboxHandled
    void hrEmployees(IncomingEvent event) {
        observe(event);
    }

    @Incoming("projects-projects")
    @Blocking
    @InboxHandled
    void projects(IncomingEvent event) {
        observe(event);
    }

    @Incoming("product-development-requirements")
    @Blocking
    @InboxHandled
    void requirements(IncomingEvent event) {
        observe(event);
    }

    @Incoming("product-development-backlog")
    @Blocking
    @InboxHandled
    void backlog(IncomingEvent event) {
        observe(event);
    }

    @Incoming("legal-documents")
    @Blocking
    @InboxHandled
    void legalDocuments(IncomingEvent event) {
        observe(event);
    }

    @Incoming("legal-reviews")
    @Blocking
    @InboxHandled
    void legalReviews(IncomingEvent event) {
        observe(event);
    }

    @Incoming("legal-cases")
    @Blocking
    @InboxHandled
    void legalCases(IncomingEvent event) {
        observe(event);
    }

    /**
     * The monitor reads what the trail recorded, as a rebuild from the trail does: both give the same cases. A human
     * step the event opens or closes becomes or leaves a task.
     */
    private void observe(IncomingEvent event) {
        AuditEntry entry = audit.recordEvent(event);
        monitor.observe(entry.eventId, entry.eventType, entry.occurredAt, entry.payload);
        steps.observe(event);
    }
}
