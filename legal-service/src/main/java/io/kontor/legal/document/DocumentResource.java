package io.kontor.legal.document;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** The legal department's work on its documents: drafting, review, publication, renderings and diffs. */
@Path("/documents")
@RolesAllowed({Roles.LEGAL, Roles.ADMIN})
public class DocumentResource {

    public record DocumentRequest(
            @NotBlank @Size(max = 40) String kind,
            @NotBlank @Size(max = 2) String language,
            @NotBlank @Size(max = 300) String title) {}

    public record VersionRequest(
            @NotNull @Size(max = 200000) String text,
            @Size(max = 2000) String changeNote) {}

    public record PublishRequest(LocalDate effectiveFrom) {}

    public record VersionSummary(
            int version, DocumentVersion.Status status, LocalDate effectiveFrom, Instant publishedAt) {}

    /** {@code inForce}: the published version in force today, {@code null} before the first takes effect. */
    public record DocumentView(
            UUID id,
            String kind,
            String language,
            String title,
            Integer inForce,
            List<VersionSummary> versions,
            String createdBy,
            Instant createdAt) {

        static DocumentView of(LegalDocument document, LocalDate today) {
            return new DocumentView(
                    document.id,
                    document.kind,
                    document.language,
                    document.title,
                    DocumentVersion.inForce(document.id, today)
                            .map(v -> v.version)
                            .orElse(null),
                    DocumentVersion.of(document.id).stream()
                            .map(v -> new VersionSummary(v.version, v.status, v.effectiveFrom, v.publishedAt))
                            .toList(),
                    document.createdBy,
                    document.createdAt);
        }
    }

    public record VersionView(
            UUID documentId,
            int version,
            DocumentVersion.Status status,
            String text,
            String changeNote,
            LocalDate effectiveFrom,
            String sha256,
            String createdBy,
            Instant createdAt,
            String submittedBy,
            Instant submittedAt,
            String publishedBy,
            Instant publishedAt) {

        static VersionView of(DocumentVersion v) {
            return new VersionView(
                    v.documentId,
                    v.version,
                    v.status,
                    v.text,
                    v.changeNote,
                    v.effectiveFrom,
                    v.sha256,
                    v.createdBy,
                    v.createdAt,
                    v.submittedBy,
                    v.submittedAt,
                    v.publishedBy,
                    v.publishedAt);
        }
    }

    /** {@code lines}: a unified diff (`---`, `+++`, `@@` hunks; lines start with ` `, `-` or `+`). */
    public record DiffView(UUID documentId, int from, int to, List<String> lines) {}

    @Inject
    LegalDocuments documents;

    @Inject
    io.kontor.platform.time.BusinessCalendar calendar;

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
                            schema = @Schema(implementation = DocumentView.class)))
    public Response createDocument(@NotNull @Valid DocumentRequest request) {
        LegalDocument document = documents.create(
                request.kind(),
                request.language(),
                request.title(),
                caller.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/legal/documents/" + document.id))
                .entity(DocumentView.of(document, calendar.today()))
                .build();
    }

    @GET
    @Transactional
    public Page<DocumentView> listDocuments(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        LocalDate today = calendar.today();
        return Paging.page(
                LegalDocument.<LegalDocument>findAll(Sort.by("kind").and("language")),
                page,
                size,
                document -> DocumentView.of(document, today));
    }

    @GET
    @Path("/{id}")
    @Transactional
    public DocumentView getDocument(@PathParam("id") UUID id) {
        return DocumentView.of(Found.byId(LegalDocument.class, id, "legal document"), calendar.today());
    }

    @POST
    @Path("/{id}/versions")
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionView.class)))
    public Response draftVersion(@PathParam("id") UUID id, @NotNull @Valid VersionRequest request) {
        DocumentVersion version = documents.draft(
                id, request.text(), request.changeNote(), caller.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/legal/documents/" + id + "/versions/" + version.version))
                .entity(VersionView.of(version))
                .build();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Transactional
    public VersionView getVersion(@PathParam("id") UUID id, @PathParam("version") @Positive int version) {
        return VersionView.of(DocumentVersion.require(id, version));
    }

    @PUT
    @Path("/{id}/versions/{version}")
    @Transactional
    public VersionView changeVersion(
            @PathParam("id") UUID id,
            @PathParam("version") @Positive int version,
            @NotNull @Valid VersionRequest request) {
        return VersionView.of(documents.change(id, version, request.text(), request.changeNote()));
    }

    @POST
    @Path("/{id}/versions/{version}/submit")
    @Transactional
    public VersionView submitVersion(@PathParam("id") UUID id, @PathParam("version") @Positive int version) {
        return VersionView.of(
                documents.submit(id, version, caller.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/versions/{version}/return")
    @Transactional
    public VersionView returnVersion(@PathParam("id") UUID id, @PathParam("version") @Positive int version) {
        return VersionView.of(documents.returnToDraft(id, version));
    }

    @POST
    @Path("/{id}/versions/{version}/publish")
    @Transactional
    public VersionView publishVersion(
            @PathParam("id") UUID id,
            @PathParam("version") @Positive int version,
            @NotNull @Valid PublishRequest request) {
        return VersionView.of(documents.publish(
                id, version, request.effectiveFrom(), caller.getPrincipal().getName()));
    }

    @GET
    @Path("/{id}/versions/{version}/html")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public String versionHtml(@PathParam("id") UUID id, @PathParam("version") @Positive int version) {
        return DocumentRendering.htmlPage(
                Found.byId(LegalDocument.class, id, "legal document"), DocumentVersion.require(id, version));
    }

    @GET
    @Path("/{id}/versions/{version}/pdf")
    @Produces("application/pdf")
    @Transactional
    public Response versionPdf(@PathParam("id") UUID id, @PathParam("version") @Positive int version) {
        LegalDocument document = Found.byId(LegalDocument.class, id, "legal document");
        return Response.ok(DocumentRendering.pdf(document, DocumentVersion.require(id, version)))
                .header(
                        "Content-Disposition",
                        "inline; filename=\"" + document.kind + "-" + document.language + "-v" + version + ".pdf\"")
                .build();
    }

    @GET
    @Path("/{id}/diff")
    @Transactional
    public DiffView diff(
            @PathParam("id") UUID id,
            @QueryParam("from") @NotNull @Positive Integer from,
            @QueryParam("to") @NotNull @Positive Integer to) {
        return new DiffView(id, from, to, documents.diff(id, from, to));
    }
}
