package io.kontor.hr.reference;

import io.kontor.hr.employee.Employee;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An employee's references: issue a new one (a new version, the old ones stay) and list all versions. */
@Path("/employees/{id}/references")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class EmployeeReferenceResource {

    public record NewReference(
            @NotNull ReferenceKind kind,
            @NotNull @Valid RatingsData ratings,
            @Size(max = 30) List<@NotBlank @Size(max = 500) String> tasks,
            @Valid SignerData signedBy) {}

    /** Who signs for the employer; a FINAL reference without one is signed by whoever signed the leaving. */
    public record SignerData(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String position) {

        static References.Signer of(SignerData data) {
            return data == null ? null : new References.Signer(data.name(), data.position());
        }
    }

    public record RatingsData(
            @NotNull @Min(1) @Max(5) Integer performance,
            @NotNull @Min(1) @Max(5) Integer expertise,
            @NotNull @Min(1) @Max(5) Integer reliability,
            @NotNull @Min(1) @Max(5) Integer conduct) {}

    @Inject
    References references;

    @POST
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferenceResource.ReferenceView.class)))
    public Response issue(@PathParam("id") UUID employeeId, @NotNull @Valid NewReference request) {
        RatingsData r = request.ratings();
        EmploymentReference reference = references.issue(
                employeeId,
                request.kind(),
                new Ratings(r.performance(), r.expertise(), r.reliability(), r.conduct()),
                request.tasks() == null ? List.of() : request.tasks(),
                SignerData.of(request.signedBy()));
        return Response.created(URI.create("/api/v1/hr/references/" + reference.id))
                .entity(ReferenceResource.ReferenceView.of(reference))
                .build();
    }

    /** Every version ever issued, oldest first. */
    @GET
    @Transactional
    public List<ReferenceResource.ReferenceView> ofEmployee(@PathParam("id") UUID employeeId) {
        Found.byId(Employee.class, employeeId, "employee");
        return EmploymentReference.<EmploymentReference>list(
                        "employeeId = ?1 order by issuedAt, kind, version", employeeId)
                .stream()
                .map(ReferenceResource.ReferenceView::of)
                .toList();
    }
}
