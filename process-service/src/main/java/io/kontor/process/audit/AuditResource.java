package io.kontor.process.audit;

import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.process.compliance.ComplianceChecks;
import io.kontor.process.compliance.ComplianceReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;

/** The audit trail for auditors and the process owner: its entries, and the recomputation of its chain. */
@Path("/audit")
@RolesAllowed({Roles.PROCESS_OWNER, Roles.ADMIN})
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    ComplianceChecks compliance;

    public record EntryView(
            long seq,
            String kind,
            String recordKind,
            String eventId,
            String eventType,
            String topic,
            String subject,
            String actor,
            Instant occurredAt,
            Instant recordedAt,
            LocalDate retainUntil,
            String previousHash,
            String hash) {

        static EntryView of(AuditEntry e) {
            return new EntryView(
                    e.seq,
                    e.kind.name(),
                    e.recordKind.name(),
                    e.eventId,
                    e.eventType,
                    e.topic,
                    e.subject,
                    e.actor,
                    e.occurredAt,
                    e.recordedAt,
                    e.retainUntil,
                    e.previousHash,
                    e.hash);
        }
    }

    @GET
    @Path("/verify")
    public Verification verify() {
        return trail.verify();
    }

    /** The compliance checks over the trail: segregation of duties, frozen documents, required approvals. */
    @GET
    @Path("/compliance")
    public ComplianceReport compliance() {
        return compliance.report();
    }

    @GET
    @Path("/entries")
    @Transactional
    public Page<EntryView> entries(
            @QueryParam("type") String type,
            @QueryParam("subject") String subject,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return Paging.page(trail.entries(type, subject), page, size, EntryView::of);
    }
}
