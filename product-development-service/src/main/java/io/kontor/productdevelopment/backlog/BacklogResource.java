package io.kontor.productdevelopment.backlog;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.productdevelopment.requirement.Requirement;
import io.kontor.productdevelopment.requirement.TraceLink;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/backlogs")
@RolesAllowed({Roles.PRODUCT_DEVELOPMENT, Roles.ADMIN})
public class BacklogResource {

    public record NewBacklog(@NotBlank @Size(max = 200) String name, UUID projectId) {}

    public record BacklogView(UUID id, String name, UUID projectId, long items, Instant createdAt) {

        static BacklogView of(Backlog backlog) {
            return new BacklogView(
                    backlog.id,
                    backlog.name,
                    backlog.projectId,
                    BacklogItem.count("backlogId", backlog.id),
                    backlog.createdAt);
        }
    }

    /** Capacity and estimates are in one unit, usually story points. */
    public record NewIteration(
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,

            @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 1)
            BigDecimal capacity) {}

    public record IterationView(
            UUID id, String name, LocalDate startsOn, LocalDate endsOn, BigDecimal capacity, BigDecimal planned) {

        static IterationView of(Iteration iteration) {
            return new IterationView(
                    iteration.id,
                    iteration.name,
                    iteration.startsOn,
                    iteration.endsOn,
                    iteration.capacity,
                    Backlogs.load(iteration.id));
        }
    }

    public record ItemRequest(
            @NotNull BacklogItem.Kind kind,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20000) String description,

            @DecimalMin("0") @Digits(integer = 6, fraction = 1)
            BigDecimal estimate,

            UUID iterationId,
            UUID milestoneId,
            @Size(max = 100) List<@NotNull UUID> requirementIds) {

        Backlogs.ItemContent content() {
            return new Backlogs.ItemContent(
                    kind, title, description, estimate, iterationId, milestoneId, requirementIds);
        }
    }

    /** Exactly one of the two: the item this one goes right before, or right after. */
    public record Move(UUID before, UUID after) {}

    public record RequirementReference(UUID id, String number, String title, boolean suspect) {}

    public record ItemView(
            UUID id,
            UUID backlogId,
            int position,
            String rank,
            BacklogItem.Kind kind,
            String title,
            String description,
            BigDecimal estimate,
            UUID iterationId,
            UUID milestoneId,
            BacklogItem.Status status,
            List<RequirementReference> requirements,
            Instant completedAt) {

        static ItemView of(BacklogItem item, int position) {
            List<RequirementReference> requirements = TraceLink.to(item.id, TraceLink.Kind.IMPLEMENTED_BY).stream()
                    .map(link -> {
                        Requirement r = Requirement.findById(link.requirementId);
                        return new RequirementReference(r.id, r.number, r.title, link.suspect);
                    })
                    .toList();
            return new ItemView(
                    item.id,
                    item.backlogId,
                    position,
                    item.rank,
                    item.kind,
                    item.title,
                    item.description,
                    item.estimate,
                    item.iterationId,
                    item.milestoneId,
                    item.status,
                    requirements,
                    item.completedAt);
        }

        static ItemView of(BacklogItem item) {
            List<BacklogItem> ordered = BacklogItem.ordered(item.backlogId);
            int position = 1;
            while (position <= ordered.size() && !ordered.get(position - 1).id.equals(item.id)) {
                position++;
            }
            return of(item, position);
        }
    }

    @Inject
    Backlogs backlogs;

    @POST
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BacklogView.class)))
    public Response openBacklog(@NotNull @Valid NewBacklog request) {
        Backlog backlog = backlogs.open(request.name(), request.projectId());
        return Response.created(URI.create("/api/v1/product-development/backlogs/" + backlog.id))
                .entity(BacklogView.of(backlog))
                .build();
    }

    @GET
    @Transactional
    public Page<BacklogView> listBacklogs(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = Backlog.findAll(Sort.by("createdAt"));
        List<BacklogView> items = query.page(page, size).<Backlog>list().stream()
                .map(BacklogView::of)
                .toList();
        return new Page<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public BacklogView getBacklog(@PathParam("id") UUID id) {
        return BacklogView.of(Found.byId(Backlog.class, id, "backlog"));
    }

    @POST
    @Path("/{id}/iterations")
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IterationView.class)))
    public Response planIteration(@PathParam("id") UUID id, @NotNull @Valid NewIteration request) {
        Iteration iteration =
                backlogs.plan(id, request.name(), request.startsOn(), request.endsOn(), request.capacity());
        return Response.created(
                        URI.create("/api/v1/product-development/backlogs/" + id + "/iterations/" + iteration.id))
                .entity(IterationView.of(iteration))
                .build();
    }

    @GET
    @Path("/{id}/iterations")
    @Transactional
    public List<IterationView> listIterations(@PathParam("id") UUID id) {
        Found.byId(Backlog.class, id, "backlog");
        return Iteration.of(id).stream().map(IterationView::of).toList();
    }

    @POST
    @Path("/{id}/items")
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemView.class)))
    public Response addItem(@PathParam("id") UUID id, @NotNull @Valid ItemRequest request) {
        BacklogItem item = backlogs.add(id, request.content());
        return Response.created(URI.create("/api/v1/product-development/backlogs/" + id + "/items/" + item.id))
                .entity(ItemView.of(item))
                .build();
    }

    /** In backlog order; {@code position} counts from 1. */
    @GET
    @Path("/{id}/items")
    @Transactional
    public List<ItemView> listItems(@PathParam("id") UUID id) {
        Found.byId(Backlog.class, id, "backlog");
        List<BacklogItem> ordered = BacklogItem.ordered(id);
        return java.util.stream.IntStream.range(0, ordered.size())
                .mapToObj(i -> ItemView.of(ordered.get(i), i + 1))
                .toList();
    }

    @GET
    @Path("/{id}/items/{itemId}")
    @Transactional
    public ItemView getItem(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return ItemView.of(Found.byId(BacklogItem.class, itemId, "backlog item", found -> found.backlogId.equals(id)));
    }

    @PUT
    @Path("/{id}/items/{itemId}")
    @Transactional
    public ItemView changeItem(
            @PathParam("id") UUID id, @PathParam("itemId") UUID itemId, @NotNull @Valid ItemRequest request) {
        return ItemView.of(backlogs.change(id, itemId, request.content()));
    }

    @POST
    @Path("/{id}/items/{itemId}/move")
    @Transactional
    public ItemView moveItem(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId, @NotNull Move request) {
        return ItemView.of(backlogs.move(id, itemId, request.before(), request.after()));
    }

    @POST
    @Path("/{id}/items/{itemId}/start")
    @Transactional
    public ItemView startItem(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return ItemView.of(backlogs.start(id, itemId));
    }

    @POST
    @Path("/{id}/items/{itemId}/complete")
    @Transactional
    public ItemView completeItem(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        return ItemView.of(backlogs.complete(id, itemId));
    }
}
