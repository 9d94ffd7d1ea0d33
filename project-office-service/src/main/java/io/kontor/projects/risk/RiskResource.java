package io.kontor.projects.risk;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.projects.project.Project;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/{projectId}/risks")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class RiskResource {

    public record NewRisk(
            @NotBlank @Size(max = 300) String title,
            @NotNull @Min(1) @Max(5) Integer probability,
            @NotNull @Min(1) @Max(5) Integer impact,
            @Size(max = 4000) String mitigation,
            @NotBlank @Size(max = 200) String owner) {}

    /** A partial update (JSON merge patch, RFC 7396): absent fields stay as they are. */
    public record RiskPatch(
            @Size(max = 300) String title,
            @Min(1) @Max(5) Integer probability,
            @Min(1) @Max(5) Integer impact,
            @Size(max = 4000) String mitigation,
            @Size(max = 200) String owner,
            RiskStatus status) {}

    public record Version(
            int version,
            Instant changedAt,
            String changedBy,
            String title,
            int probability,
            int impact,
            int score,
            String mitigation,
            String owner,
            RiskStatus status,
            boolean escalated) {

        static Version of(RiskChange change) {
            return new Version(
                    change.version,
                    change.changedAt,
                    change.changedBy,
                    change.title,
                    change.probability,
                    change.impact,
                    change.score,
                    change.mitigation,
                    change.owner,
                    change.status,
                    change.escalated);
        }
    }

    public record RiskView(
            UUID id,
            UUID projectId,
            String title,
            int probability,
            int impact,
            int score,
            String mitigation,
            String owner,
            RiskStatus status,
            boolean escalated,
            List<Version> history) {

        static RiskView of(Risk risk) {
            return new RiskView(
                    risk.id,
                    risk.projectId,
                    risk.title,
                    risk.probability,
                    risk.impact,
                    risk.score(),
                    risk.mitigation,
                    risk.owner,
                    risk.status,
                    risk.escalated,
                    risk.history().stream().map(Version::of).toList());
        }
    }

    @Inject
    Risks risks;

    @Inject
    SecurityIdentity caller;

    @POST
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RiskView.class)))
    public Response registerRisk(@PathParam("projectId") UUID projectId, @NotNull @Valid NewRisk request) {
        Risk risk = risks.register(
                projectId,
                request.title(),
                request.probability(),
                request.impact(),
                request.mitigation(),
                request.owner(),
                caller.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/projects/" + projectId + "/risks/" + risk.id))
                .entity(RiskView.of(risk))
                .build();
    }

    @PATCH
    @Path("/{riskId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Transactional
    public RiskView reviseRisk(
            @PathParam("projectId") UUID projectId, @PathParam("riskId") UUID riskId, @NotNull @Valid RiskPatch patch) {
        // Bean validation cannot say "absent is fine, blank is not" for a patch field; these can.
        if (patch.title() != null && patch.title().isBlank()) {
            throw new InvalidFieldProblem("title", "must not be blank");
        }
        if (patch.owner() != null && patch.owner().isBlank()) {
            throw new InvalidFieldProblem("owner", "must not be blank");
        }
        Risk risk = risks.revise(
                projectId,
                riskId,
                new Risk.Revision(
                        patch.title(),
                        patch.probability(),
                        patch.impact(),
                        patch.mitigation(),
                        patch.owner(),
                        patch.status()),
                caller.getPrincipal().getName());
        return RiskView.of(risk);
    }

    @GET
    @Transactional
    public Page<RiskView> listRisks(
            @PathParam("projectId") UUID projectId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        Found.byId(Project.class, projectId, "project");
        return Paging.page(Risk.ofProject(projectId).stream().map(RiskView::of).toList(), page, size);
    }

    @GET
    @Path("/{riskId}")
    @Transactional
    public RiskView risk(@PathParam("projectId") UUID projectId, @PathParam("riskId") UUID riskId) {
        return RiskView.of(Found.byId(Risk.class, riskId, "risk", found -> found.projectId.equals(projectId)));
    }
}
