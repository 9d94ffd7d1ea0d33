package io.kontor.projects.project;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import io.kontor.projects.ProjectsConfig;
import io.kontor.projects.directory.Customer;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class ProjectResource {

    public record NewProject(
            @NotBlank @Size(max = 300) String name,
            UUID customerId,
            UUID offerId,
            @NotBlank @Email String managerEmail,
            @NotNull LocalDate startDate) {}

    /** {@code customerName} comes from the names sales announced; null until sales has told us about the customer. */
    public record ProjectView(
            UUID id,
            String name,
            UUID customerId,
            String customerName,
            UUID offerId,
            String managerEmail,
            LocalDate startDate,
            String currency,
            String kickoffStatus) {

        static ProjectView of(Project project) {
            return new ProjectView(
                    project.id,
                    project.name,
                    project.customerId,
                    Customer.nameOf(project.customerId),
                    project.offerId,
                    project.managerEmail,
                    project.startDate,
                    project.currency,
                    project.kickoffStatus.name());
        }
    }

    @Inject
    Projects projects;

    @Inject
    ProjectsConfig config;

    @POST
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProjectView.class)))
    public Response open(@NotNull @Valid NewProject request) {
        Project project = projects.open(
                request.name(),
                request.customerId(),
                request.offerId(),
                request.managerEmail(),
                request.startDate(),
                config.defaultCurrency());
        return Response.created(URI.create("/api/v1/projects/" + project.id))
                .entity(ProjectView.of(project))
                .build();
    }

    @GET
    @Transactional
    public Page<ProjectView> list(
            @QueryParam("customerId") String customerIdParameter,
            @QueryParam("offerId") String offerIdParameter,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        UUID customerId = QueryParameters.uuid("customerId", customerIdParameter);
        UUID offerId = QueryParameters.uuid("offerId", offerIdParameter);
        var query = customerId != null
                ? Project.find("customerId", Sort.by("createdAt"), customerId)
                : offerId != null
                        ? Project.find("offerId", Sort.by("createdAt"), offerId)
                        : Project.findAll(Sort.by("createdAt"));
        var items = query.page(page, size).<Project>list().stream()
                .map(ProjectView::of)
                .toList();
        return new Page<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ProjectView get(@PathParam("id") UUID id) {
        return ProjectView.of(Found.byId(Project.class, id, "project"));
    }
}
