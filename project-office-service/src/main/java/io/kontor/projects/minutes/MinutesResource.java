package io.kontor.projects.minutes;

import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import io.kontor.projects.ProjectsConfig;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Minutes per meeting, and the action items they assign: completable, and listed when overdue. */
@Path("/{projectId}")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class MinutesResource {

    @Inject
    BusinessCalendar calendar;

    public record NewActionItem(
            @NotBlank @Size(max = 1000) String description,
            @NotBlank @Size(max = 200) String owner,
            @NotNull LocalDate dueDate) {}

    public record NewMinutes(
            @NotNull LocalDate meetingDate,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) String> attendees,
            @Size(max = 100) List<@NotBlank @Size(max = 2000) String> decisions,
            @Size(max = 100) List<@NotNull @Valid NewActionItem> actionItems,
            @Size(max = 50) List<@NotBlank @Email @Size(max = 254) String> distribution) {}

    public record ActionItemView(
            UUID id,
            UUID minutesId,
            String description,
            String owner,
            LocalDate dueDate,
            boolean done,
            LocalDate completedOn,
            boolean overdue) {

        static ActionItemView of(ActionItem item, LocalDate today) {
            return new ActionItemView(
                    item.id,
                    item.minutesId,
                    item.description,
                    item.owner,
                    item.dueDate,
                    item.done(),
                    item.completedOn,
                    item.overdueOn(today));
        }
    }

    public record MinutesView(
            UUID id,
            UUID projectId,
            LocalDate meetingDate,
            List<String> attendees,
            List<String> decisions,
            List<String> distribution,
            List<ActionItemView> actionItems) {

        static MinutesView of(Minutes minutes, LocalDate today) {
            return new MinutesView(
                    minutes.id,
                    minutes.projectId,
                    minutes.meetingDate,
                    minutes.attendees,
                    minutes.decisions,
                    minutes.distribution == null ? List.of() : minutes.distribution,
                    ActionItem.ofMinutes(minutes.id).stream()
                            .map(item -> ActionItemView.of(item, today))
                            .toList());
        }
    }

    @Inject
    Clock clock;

    @Inject
    ProjectsConfig config;

    @Inject
    MinutesMail mail;

    @POST
    @Path("/minutes")
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MinutesView.class)))
    public Response recordMinutes(@PathParam("projectId") UUID projectId, @NotNull @Valid NewMinutes request) {
        Project project = Found.byId(Project.class, projectId, "project");
        Minutes minutes = new Minutes();
        minutes.id = UUID.randomUUID();
        minutes.projectId = projectId;
        minutes.meetingDate = request.meetingDate();
        minutes.attendees = List.copyOf(request.attendees());
        minutes.decisions = request.decisions() == null ? List.of() : List.copyOf(request.decisions());
        minutes.distribution = request.distribution() == null
                ? List.of()
                : request.distribution().stream().distinct().toList();
        minutes.createdAt = Instant.now(clock);
        minutes.persist();
        List<NewActionItem> items = request.actionItems() == null ? List.of() : request.actionItems();
        for (int i = 0; i < items.size(); i++) {
            ActionItem item = new ActionItem();
            item.id = UUID.randomUUID();
            item.minutesId = minutes.id;
            item.projectId = projectId;
            item.position = i;
            item.description = items.get(i).description();
            item.owner = items.get(i).owner();
            item.dueDate = items.get(i).dueDate();
            item.persist();
        }
        mail.send(project, minutes);
        return Response.created(URI.create("/api/v1/projects/" + projectId + "/minutes/" + minutes.id))
                .entity(MinutesView.of(minutes, calendar.today()))
                .build();
    }

    @GET
    @Path("/minutes")
    @Transactional
    public Page<MinutesView> listMinutes(
            @PathParam("projectId") UUID projectId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        Found.byId(Project.class, projectId, "project");
        LocalDate today = calendar.today();
        List<MinutesView> items = Minutes.ofProject(projectId).stream()
                .map(m -> MinutesView.of(m, today))
                .toList();
        return Paging.page(items, page, size);
    }

    /** The mails of the minutes to their distribution, with their delivery records. */
    @GET
    @Path("/minutes/{minutesId}/deliveries")
    @Transactional
    public List<MailDelivery> listMinutesDeliveries(
            @PathParam("projectId") UUID projectId, @PathParam("minutesId") UUID minutesId) {
        Minutes minutes = Found.byId(Minutes.class, minutesId, "minutes", found -> found.projectId.equals(projectId));
        return mail.deliveries(minutesId);
    }

    /** {@code ?overdue=true}: only the items still open after their due date. */
    @GET
    @Path("/action-items")
    @Transactional
    public Page<ActionItemView> listActionItems(
            @PathParam("projectId") UUID projectId,
            @QueryParam("overdue") String overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        boolean overdueOnly = QueryParameters.flag("overdue", overdue);
        Found.byId(Project.class, projectId, "project");
        LocalDate today = calendar.today();
        List<ActionItemView> items = new ArrayList<>();
        for (ActionItem item : ActionItem.ofProject(projectId)) {
            if (!overdueOnly || item.overdueOn(today)) {
                items.add(ActionItemView.of(item, today));
            }
        }
        return Paging.page(items, page, size);
    }

    @POST
    @Path("/action-items/{itemId}/complete")
    @Transactional
    public ActionItemView completeActionItem(@PathParam("projectId") UUID projectId, @PathParam("itemId") UUID itemId) {
        ActionItem item =
                Found.byId(ActionItem.class, itemId, "action item", found -> found.projectId.equals(projectId));
        LocalDate today = calendar.today();
        item.complete(today);
        return ActionItemView.of(item, today);
    }
}
