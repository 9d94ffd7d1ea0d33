package io.kontor.sales.followup;

import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The sales team's call list: follow-ups by due date, completed with a note on what came of the call. */
@Path("/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class FollowUpResource {

    public record CompleteRequest(
            @NotBlank @Size(max = 2000) String note) {}

    @Inject
    FollowUps followUps;

    /** {@code dueBefore} is exclusive: {@code dueBefore=2026-06-01} lists what falls due in May or earlier. */
    @GET
    @Transactional
    public Page<FollowUpView> searchFollowUps(
            @QueryParam("dueBefore") String dueBefore,
            @QueryParam("status") String status,
            @QueryParam("customerId") String customerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return followUps.search(
                QueryParameters.date("dueBefore", dueBefore),
                QueryParameters.oneOf("status", status, FollowUpStatus.class),
                QueryParameters.uuid("customerId", customerId),
                page,
                size);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public FollowUpView getFollowUp(@PathParam("id") UUID id) {
        return FollowUpView.of(followUps.get(id));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public FollowUpView completeFollowUp(@PathParam("id") UUID id, @NotNull @Valid CompleteRequest request) {
        return FollowUpView.of(followUps.complete(id, request.note().strip()));
    }
}
