package io.kontor.productdevelopment.requirement;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Filter;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import io.kontor.productdevelopment.verification.TestCases;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/requirements")
@RolesAllowed({Roles.PRODUCT_DEVELOPMENT, Roles.ADMIN})
public class RequirementResource {

    /** {@code description} is Markdown; {@code source} defaults to INTERNAL. */
    public record RequirementRequest(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20000) String description,
            @NotNull Requirement.Kind kind,
            @NotNull Requirement.Priority priority,
            @Size(max = 50) List<@NotNull @Size(max = 1000) String> acceptanceCriteria,
            @Valid SourceRequest source,
            UUID parentId,
            @Size(max = 100) List<@NotNull UUID> dependsOn) {

        Requirements.Content content() {
            return new Requirements.Content(title, description, kind, priority, acceptanceCriteria);
        }

        List<UUID> dependencies() {
            return dependsOn == null ? List.of() : dependsOn;
        }
    }

    public record SourceRequest(
            @NotNull Requirement.SourceKind kind,
            UUID offerId,
            @Size(max = 40) String offerNumber,
            @Positive Integer offerLine,
            @Size(max = 300) String document,
            UUID customerId,
            @Size(max = 300) String customerName) {}

    public record SourceView(
            Requirement.SourceKind kind, UUID offerId, String offerNumber, Integer offerLine, String document) {}

    public record RequirementView(
            UUID id,
            String number,
            String title,
            String description,
            Requirement.Kind kind,
            Requirement.Priority priority,
            List<String> acceptanceCriteria,
            SourceView source,
            UUID customerId,
            String customerName,
            Requirement.Status status,
            int version,
            boolean suspect,
            UUID parentId,
            List<UUID> dependsOn,
            List<UUID> children,
            String createdBy,
            Instant createdAt,
            Instant approvedAt,
            Instant verifiedAt) {

        public static RequirementView of(Requirement r) {
            List<TraceLink> links = TraceLink.from(r.id);
            UUID parent = links.stream()
                    .filter(l -> l.kind == TraceLink.Kind.PARENT)
                    .map(l -> l.targetId)
                    .findFirst()
                    .orElse(null);
            return new RequirementView(
                    r.id,
                    r.number,
                    r.title,
                    r.description,
                    r.kind,
                    r.priority,
                    r.acceptanceCriteria,
                    new SourceView(
                            r.sourceKind, r.sourceOfferId, r.sourceOfferNumber, r.sourceOfferLine, r.sourceDocument),
                    r.customerId,
                    r.customerName,
                    r.status,
                    r.version,
                    links.stream().anyMatch(l -> l.suspect),
                    parent,
                    links.stream()
                            .filter(l -> l.kind == TraceLink.Kind.DEPENDS_ON)
                            .map(l -> l.targetId)
                            .toList(),
                    TraceLink.to(r.id, TraceLink.Kind.PARENT).stream()
                            .map(l -> l.requirementId)
                            .toList(),
                    r.createdBy,
                    r.createdAt,
                    r.approvedAt,
                    r.verifiedAt);
        }
    }

    public record VersionView(
            int version,
            String title,
            String description,
            Requirement.Kind kind,
            Requirement.Priority priority,
            List<String> acceptanceCriteria,
            String changedBy,
            Instant changedAt) {

        static VersionView of(RequirementVersion v) {
            return new VersionView(
                    v.key.version,
                    v.title,
                    v.description,
                    v.kind,
                    v.priority,
                    v.acceptanceCriteria,
                    v.changedBy,
                    v.changedAt);
        }
    }

    /** {@code lines}: the changed text line by line, " " unchanged, "-" removed, "+" added. */
    public record FieldDiff(String field, Object before, Object after, List<String> lines) {}

    public record DiffView(String number, int from, int to, List<FieldDiff> changes) {}

    /** {@code target} is the linked requirement's number, the item's or the test case's title. */
    public record LinkView(
            UUID id,
            TraceLink.Kind kind,
            UUID targetId,
            String target,
            boolean suspect,
            Integer suspectSince,
            String confirmedBy,
            Instant confirmedAt) {

        public static LinkView of(TraceLink link) {
            return new LinkView(
                    link.id,
                    link.kind,
                    link.targetId,
                    TraceTargets.label(link),
                    link.suspect,
                    link.suspectSince,
                    link.confirmedBy,
                    link.confirmedAt);
        }
    }

    @Inject
    Requirements requirements;

    @Inject
    TestCases testCases;

    @Inject
    SecurityIdentity caller;

    @POST
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RequirementView.class)))
    public Response fileRequirement(@NotNull @Valid RequirementRequest request) {
        SourceRequest source = request.source() == null
                ? new SourceRequest(Requirement.SourceKind.INTERNAL, null, null, null, null, null, null)
                : request.source();
        Requirement requirement = requirements.file(
                request.content(),
                new Requirements.Source(
                        source.kind(),
                        source.offerId(),
                        source.offerNumber(),
                        source.offerLine(),
                        source.document(),
                        source.customerId(),
                        source.customerName()),
                request.parentId(),
                request.dependencies(),
                caller.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/product-development/requirements/" + requirement.id))
                .entity(RequirementView.of(requirement))
                .build();
    }

    @GET
    @Transactional
    public Page<RequirementView> listRequirements(
            @QueryParam("status") String statusParameter,
            @QueryParam("customerId") String customerIdParameter,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Requirement.Status status = QueryParameters.oneOf("status", statusParameter, Requirement.Status.class);
        UUID customerId = QueryParameters.uuid("customerId", customerIdParameter);
        Filter filter = new Filter()
                .and("status = :status", "status", status)
                .and("customerId = :customerId", "customerId", customerId);
        var query = Requirement.find(filter.where(), Sort.by("number"), filter.parameters());
        List<RequirementView> items = query.page(page, size).<Requirement>list().stream()
                .map(RequirementView::of)
                .toList();
        return new Page<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public RequirementView getRequirement(@PathParam("id") UUID id) {
        return RequirementView.of(Found.byId(Requirement.class, id, "requirement"));
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public RequirementView changeRequirement(@PathParam("id") UUID id, @NotNull @Valid RequirementRequest request) {
        if (request.source() != null) {
            throw new InvalidFieldProblem("source", "where a requirement came from does not change");
        }
        return RequirementView.of(requirements.change(
                id,
                request.content(),
                request.parentId(),
                request.dependencies(),
                caller.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/approve")
    @Transactional
    public RequirementView approveRequirement(@PathParam("id") UUID id) {
        return RequirementView.of(requirements.approve(id, caller.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/reject")
    @Transactional
    public RequirementView rejectRequirement(@PathParam("id") UUID id) {
        return RequirementView.of(requirements.reject(id));
    }

    @POST
    @Path("/{id}/verify")
    @Transactional
    public RequirementView verifyRequirement(@PathParam("id") UUID id) {
        Found.byId(Requirement.class, id, "requirement");
        return RequirementView.of(requirements.verify(
                id, testCases.verdicts(id), caller.getPrincipal().getName()));
    }

    @GET
    @Path("/{id}/versions")
    @Transactional
    public List<VersionView> listVersions(@PathParam("id") UUID id) {
        Found.byId(Requirement.class, id, "requirement");
        return RequirementVersion.of(id).stream().map(VersionView::of).toList();
    }

    @GET
    @Path("/{id}/diff")
    @Transactional
    public DiffView diffVersions(
            @PathParam("id") UUID id, @QueryParam("from") String fromParameter, @QueryParam("to") String toParameter) {
        Requirement requirement = Found.byId(Requirement.class, id, "requirement");
        int to = version("to", toParameter, requirement.version);
        int from = version("from", fromParameter, to - 1);
        RequirementVersion before = RequirementVersion.find(id, from);
        if (before == null) {
            throw new InvalidFieldProblem("from", "requirement " + requirement.number + " has no version " + from);
        }
        RequirementVersion after = RequirementVersion.find(id, to);
        if (after == null) {
            throw new InvalidFieldProblem("to", "requirement " + requirement.number + " has no version " + to);
        }
        List<FieldDiff> changes = new ArrayList<>();
        text(changes, "title", before.title, after.title);
        text(changes, "description", before.description, after.description);
        if (before.kind != after.kind) {
            changes.add(new FieldDiff("kind", before.kind, after.kind, List.of()));
        }
        if (before.priority != after.priority) {
            changes.add(new FieldDiff("priority", before.priority, after.priority, List.of()));
        }
        if (!before.acceptanceCriteria.equals(after.acceptanceCriteria)) {
            changes.add(new FieldDiff(
                    "acceptanceCriteria",
                    before.acceptanceCriteria,
                    after.acceptanceCriteria,
                    TextDiff.lines(
                            String.join("\n", before.acceptanceCriteria),
                            String.join("\n", after.acceptanceCriteria))));
        }
        return new DiffView(requirement.number, from, to, changes);
    }

    @GET
    @Path("/{id}/links")
    @Transactional
    public List<LinkView> listLinks(@PathParam("id") UUID id) {
        Found.byId(Requirement.class, id, "requirement");
        return TraceLink.from(id).stream().map(LinkView::of).toList();
    }

    @POST
    @Path("/{id}/links/{linkId}/confirm")
    @Transactional
    public LinkView confirmLink(@PathParam("id") UUID id, @PathParam("linkId") UUID linkId) {
        return LinkView.of(
                requirements.confirm(id, linkId, caller.getPrincipal().getName()));
    }

    private static void text(List<FieldDiff> changes, String field, String before, String after) {
        if (!before.equals(after)) {
            changes.add(new FieldDiff(field, before, after, TextDiff.lines(before, after)));
        }
    }

    private static int version(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldProblem(name, "must be a version number");
        }
    }
}
