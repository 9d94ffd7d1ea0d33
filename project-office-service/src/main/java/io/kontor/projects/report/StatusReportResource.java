package io.kontor.projects.report;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.projects.project.Project;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

@Path("/{projectId}")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class StatusReportResource {

    private static final MediaType MARKDOWN = MediaType.valueOf(StatusReportMarkdown.MEDIA_TYPE);

    public record PublishedView(
            UUID id,
            UUID projectId,
            LocalDate reportDate,
            RagRule.Rag rag,
            int openRisks,
            int escalatedRisks,
            int overdueActionItems,
            Instant publishedAt,
            String publishedBy,
            String markdown) {

        static PublishedView of(PublishedStatusReport report) {
            return new PublishedView(
                    report.id,
                    report.projectId,
                    report.reportDate,
                    report.rag,
                    report.openRisks,
                    report.escalatedRisks,
                    report.overdueActionItems,
                    report.publishedAt,
                    report.publishedBy,
                    report.markdown);
        }
    }

    @Inject
    StatusReports reports;

    @Inject
    SecurityIdentity caller;

    /** JSON unless the caller prefers Markdown ({@code Accept: text/markdown}). */
    @GET
    @Path("/status-report")
    @Produces({MediaType.APPLICATION_JSON, StatusReportMarkdown.MEDIA_TYPE})
    @APIResponse(
            responseCode = "200",
            description = "The current report",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusReport.class)),
                @Content(mediaType = StatusReportMarkdown.MEDIA_TYPE)
            })
    public Response statusReport(@PathParam("projectId") UUID projectId, @Context HttpHeaders headers) {
        StatusReport report = reports.current(projectId);
        if (prefersMarkdown(headers.getAcceptableMediaTypes())) {
            return Response.ok(StatusReportMarkdown.render(report), StatusReportMarkdown.MEDIA_TYPE + "; charset=UTF-8")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/status-reports")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PublishedView.class)))
    public Response publishStatusReport(@PathParam("projectId") UUID projectId) {
        PublishedStatusReport published =
                reports.publish(projectId, caller.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/projects/" + projectId + "/status-reports/" + published.id))
                .entity(PublishedView.of(published))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/status-reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Page<PublishedView> listPublishedStatusReports(@PathParam("projectId") UUID projectId) {
        Found.byId(Project.class, projectId, "project");
        List<PublishedView> items = PublishedStatusReport.ofProject(projectId).stream()
                .map(PublishedView::of)
                .toList();
        return new Page<>(items, 0, items.size(), items.size());
    }

    /** The acceptable types come sorted by preference; the first one we can serve decides, a wildcard means JSON. */
    private static boolean prefersMarkdown(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals(MARKDOWN.getType()) && type.getSubtype().equals(MARKDOWN.getSubtype())) {
                return true;
            }
            if (type.isWildcardType()) {
                return false;
            }
        }
        return false;
    }
}
