package io.kontor.projects.kickoff;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.projects.project.Project;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@code GET /{id}/kickoff.ics}: the kick-off as a calendar invitation to import or mail. */
@Path("/{projectId}/kickoff.ics")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class KickoffInvitationResource {

    @GET
    @Produces(KickoffInvitation.MEDIA_TYPE)
    @Transactional
    public Response kickoffInvitation(@PathParam("projectId") UUID projectId) {
        Project project = Found.byId(Project.class, projectId, "project");
        Kickoff kickoff = Found.byId(Kickoff.class, projectId, "scheduled kick-off of project");
        String ics = KickoffInvitation.of(kickoff, project.name, project.managerEmail)
                .toIcs();
        return Response.ok(ics, KickoffInvitation.MEDIA_TYPE + "; charset=UTF-8; method=REQUEST")
                .header("Content-Disposition", "attachment; filename=\"kickoff-" + projectId + ".ics\"")
                .build();
    }
}
