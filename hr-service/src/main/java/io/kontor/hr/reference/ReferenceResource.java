package io.kontor.hr.reference;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
            Instant issuedAt,
            LocalDate datedOn,
            UUID correctsId,
            EmployeeReferenceResource.SignerData signedBy) {

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
                    reference.issuedAt,
                    reference.datedOn,
                    reference.correctsId,
                    reference.signedByName == null
                            ? null
                            : new EmployeeReferenceResource.SignerData(
                                    reference.signedByName, reference.signedByPosition));
        }
    }

    /** New ratings or tasks for a reference already issued; the same kind and date, a new version. */
    public record Correction(
            @NotNull @Valid EmployeeReferenceResource.RatingsData ratings,
            @Size(max = 30) List<@NotBlank @Size(max = 500) String> tasks,
            @Valid EmployeeReferenceResource.SignerData signedBy) {}

    @Inject
    ReferenceDocument document;

    @Inject
    References references;

    @POST
    @Path("/{id}/corrections")
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferenceView.class)))
    public Response correct(@PathParam("id") UUID id, @NotNull @Valid Correction request) {
        EmployeeReferenceResource.RatingsData r = request.ratings();
        EmploymentReference corrected = references.correct(
                id,
                new Ratings(r.performance(), r.expertise(), r.reliability(), r.conduct()),
                request.tasks() == null ? List.of() : request.tasks(),
                EmployeeReferenceResource.SignerData.of(request.signedBy()));
        return Response.created(URI.create("/api/v1/hr/references/" + corrected.id))
                .entity(ReferenceView.of(corrected))
                .build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ReferenceView get(@PathParam("id") UUID id) {
        return ReferenceView.of(Found.byId(EmploymentReference.class, id, "reference"));
    }

    @GET
    @Path("/{id}/document")
    @Produces("application/pdf")
    @Transactional
    public Response document(@PathParam("id") UUID id) {
        EmploymentReference reference = Found.byId(EmploymentReference.class, id, "reference");
        return Response.ok(document.print(reference), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"zeugnis-" + id + ".pdf\"")
                .build();
    }
}
