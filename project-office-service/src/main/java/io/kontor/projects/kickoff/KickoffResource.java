package io.kontor.projects.kickoff;

import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.projects.project.Project;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/{projectId}/kickoff")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class KickoffResource {

    public record KickoffPlan(
            /** Any ISO-8601 date-time with an offset ("2027-01-11T10:00+01:00" or "…Z"): people write local times. */
            @NotNull OffsetDateTime scheduledAt,
            @NotNull @Min(15) @Max(480) Integer durationMinutes,
            @NotEmpty @Size(max = 100) List<@NotBlank @Email String> participants,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> agenda) {}

    public record KickoffView(
            UUID projectId,
            String status,
            Instant scheduledAt,
            Integer durationMinutes,
            List<String> participants,
            List<String> agenda,
            Integer sequence,
            String uid) {

        static KickoffView of(Project project, Kickoff kickoff) {
            if (kickoff == null) {
                return new KickoffView(
                        project.id, project.kickoffStatus.name(), null, null, List.of(), List.of(), null, null);
            }
            return new KickoffView(
                    project.id,
                    project.kickoffStatus.name(),
                    kickoff.scheduledAt,
                    kickoff.durationMinutes,
                    kickoff.participants,
                    kickoff.agenda,
                    kickoff.sequence,
                    KickoffInvitation.uidOf(project.id));
        }
    }

    @Inject
    Kickoffs kickoffs;

    /** Schedules the kick-off, or reschedules it: the same meeting (same UID) with the next SEQUENCE. */
    @POST
    @Transactional
    public KickoffView scheduleKickoff(@PathParam("projectId") UUID projectId, @NotNull @Valid KickoffPlan plan) {
        Kickoff kickoff = kickoffs.schedule(
                projectId,
                plan.scheduledAt().toInstant(),
                plan.durationMinutes(),
                plan.participants(),
                plan.agenda() == null ? List.of() : plan.agenda());
        return KickoffView.of(Found.byId(Project.class, projectId, "project"), kickoff);
    }

    @GET
    @Transactional
    public KickoffView kickoff(@PathParam("projectId") UUID projectId) {
        return KickoffView.of(Found.byId(Project.class, projectId, "project"), Kickoff.findById(projectId));
    }

    /** The invitations (iMIP REQUEST) and cancellations mailed for the kick-off, with their delivery records. */
    @GET
    @Path("/deliveries")
    @Transactional
    public List<MailDelivery> kickoffDeliveries(@PathParam("projectId") UUID projectId) {
        Found.byId(Project.class, projectId, "project");
        return kickoffs.deliveries(projectId);
    }
}
