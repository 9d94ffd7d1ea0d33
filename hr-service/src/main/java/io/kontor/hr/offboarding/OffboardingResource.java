package io.kontor.hr.offboarding;

import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

/** An employee's offboarding checklist: hr and admin, like the rest of the personnel file. */
@Path("/employees/{id}/offboarding")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class OffboardingResource {

    @Inject
    Offboarding offboarding;

    @GET
    public List<Offboarding.TaskView> checklist(@PathParam("id") UUID employeeId) {
        return offboarding.checklist(employeeId);
    }

    @POST
    @Path("/{step}/done")
    public Offboarding.TaskView done(@PathParam("id") UUID employeeId, @PathParam("step") OffboardingStep step) {
        return offboarding.done(employeeId, step);
    }
}
