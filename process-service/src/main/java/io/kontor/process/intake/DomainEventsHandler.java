package io.kontor.process.intake;

import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.inbox.InboxHandled;
import io.kontor.process.audit.AuditEntry;
import io.kontor.process.audit.AuditTrail;
import io.kontor.process.monitor.Monitor;
import io.kontor.process.task.HumanSteps;
import io.kontor.process.task.Tasks;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every domain topic, one handler method (and inbox key) per topic, fed by the service's batch channel (ProcessEvents):
 * each event, whatever its type (also one this build does not know yet), goes into the audit trail, once (the inbox).
 */
@ApplicationScoped
@Unremovable
public class DomainEventsHandler {

    @Inject
    AuditTrail audit;

    @Inject
    Monitor monitor;

    @Inject
    Tasks tasks;

    @Inject
    HumanSteps steps;

    @InboxHandled(topics = "sales.customers")
    void salesCustomers(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "sales.offers")
    void salesOffers(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "accounting.invoices")
    void accountingInvoices(IncomingEvent event) {
        observe(event);
    }

    /** Acts of every service waiting for a second person: each becomes a task in the inbox of its role. */
    @InboxHandled(topics = "approvals.requests")
    void approvalRequests(IncomingEvent event) {
        observe(event);
        if (event.is(ApprovalRequested.class)) {
            tasks.requested(event.data(ApprovalRequested.class));
        }
    }

    @InboxHandled(topics = "accounting.bank")
    void accountingBank(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "accounting.payables")
    void accountingPayables(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "hr.applications")
    void hrApplications(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "hr.employees")
    void hrEmployees(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "projects.projects")
    void projects(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "product-development.requirements")
    void requirements(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "product-development.backlog")
    void backlog(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "legal.documents")
    void legalDocuments(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "legal.reviews")
    void legalReviews(IncomingEvent event) {
        observe(event);
    }

    @InboxHandled(topics = "legal.cases")
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
