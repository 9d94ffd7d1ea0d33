package io.kontor.hr.reference;

import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/references")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class ReferenceResource {

    public record ReferenceView(
            UUID id,
            UUID employeeId,
            ReferenceKind kind,
            int version,
            Ratings ratings,
            List<String> tasks,
            LocalDate leavingDate,
            String text,
            Instant issuedAt) {

        public static ReferenceView of(EmploymentReference reference) {
            return new ReferenceView(
                    reference.id,
                    reference.employeeId,
                    reference.kind,
                    reference.version,
                    new Ratings(reference.performance, reference.expertise, reference.reliability, reference.conduct),
                    reference.tasks,
                    reference.leavingDate,
                    reference.text,
                    reference.issuedAt);
        }
    }

    @Inject
    ReferenceDocument document;

    @GET
    @Path("/{id}")
    @Transactional
    public ReferenceView get(@PathParam("id") UUID id) {
        return ReferenceView.of(EmploymentReference.get(id));
    }

    @GET
    @Path("/{id}/document")
    @Produces("application/pdf")
    @Transactional
    public Response document(@PathParam("id") UUID id) {
        EmploymentReference reference = EmploymentReference.get(id);
        return Response.ok(document.print(reference), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"zeugnis-" + id + "-v" + reference.version + ".pdf\"")
                .build();
    }
}
