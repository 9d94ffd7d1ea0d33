package io.kontor.legal.cases;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Case files (Vertretung bei Rechtsstreitigkeiten): matters with parties, documents, costs and deadlines, and the
 * deadline calendar. Legal works on them; accounting reads the collection cases it handed over (DECISIONS.md), not the
 * others: a labour-law matter is nobody else's business.
 */
@Path("/cases")
@RolesAllowed({Roles.LEGAL, Roles.ADMIN})
public class CaseResource {

    static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;

    public record PartyRequest(
            @NotNull PartyRole role,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 200) String reference,
            @Size(max = 300) String contact) {}

    public record DeadlineRequest(
            @NotBlank @Size(max = 300) String title,
            @NotNull LocalDate dueOn,
            @Size(max = 300) String basis) {}

    public record CaseRequest(
            @NotNull CaseKind kind,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 4000) String summary,
            @Pattern(regexp = "[A-Z]{3}") String currency,

            @DecimalMin("0.00") @Digits(integer = 15, fraction = 2)
            BigDecimal claimAmount,

            UUID invoiceId,
            @Size(max = 40) String invoiceNumber,
            @Size(max = 20) List<@NotNull @Valid PartyRequest> parties,
            @Size(max = 50) List<@NotNull @Valid DeadlineRequest> deadlines) {}

    public record CostRequest(
            @NotNull CostKind kind,
            @NotBlank @Size(max = 500) String description,

            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 15, fraction = 2)
            BigDecimal amount,

            @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull LocalDate incurredOn) {}

    public record CloseRequest(
            @NotNull CaseResult result,

            @DecimalMin("0.00") @Digits(integer = 15, fraction = 2)
            BigDecimal amountRecovered,

            @Size(max = 4000) String note) {}

    public record PartyView(PartyRole role, String name, String reference, String contact) {
        static PartyView of(CaseParty p) {
            return new PartyView(p.role, p.name, p.reference, p.contact);
        }
    }

    public record DeadlineView(
            UUID id,
            UUID caseId,
            String caseNumber,
            String title,
            LocalDate dueOn,
            String basis,
            LocalDate remindOn,
            Instant remindedAt,
            LocalDate doneOn,
            String doneBy,
            boolean overdue) {
        static DeadlineView of(CaseDeadline d, LegalCase matter, LocalDate today) {
            return new DeadlineView(
                    d.id,
                    d.caseId,
                    matter.caseNumber,
                    d.title,
                    d.dueOn,
                    d.basis,
                    d.remindOn,
                    d.remindedAt,
                    d.doneOn,
                    d.doneBy,
                    d.isOpen() && d.dueOn.isBefore(today));
        }
    }

    public record DocumentView(
            UUID id,
            String fileName,
            String mediaType,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {
        static DocumentView of(CaseDocument d) {
            return new DocumentView(d.id, d.fileName, d.mediaType, d.sizeBytes, d.sha256, d.uploadedBy, d.uploadedAt);
        }
    }

    public record CostView(
            UUID id,
            CostKind kind,
            String description,
            BigDecimal amount,
            String currency,
            LocalDate incurredOn,
            String recordedBy) {
        static CostView of(CaseCost c) {
            return new CostView(c.id, c.kind, c.description, c.amount, c.currency, c.incurredOn, c.recordedBy);
        }
    }

    public record CaseSummary(
            UUID id,
            String caseNumber,
            CaseKind kind,
            CaseStatus status,
            String title,
            UUID invoiceId,
            String invoiceNumber,
            String currency,
            BigDecimal claimAmount,
            LocalDate openedOn,
            LocalDate nextDeadline,
            CaseResult result,
            LocalDate closedOn) {
        static CaseSummary of(LegalCase c) {
            CaseDeadline next = CaseDeadline.<CaseDeadline>find(
                            "caseId = ?1 and doneOn is null", Sort.by("dueOn"), c.id)
                    .firstResult();
            return new CaseSummary(
                    c.id,
                    c.caseNumber,
                    c.kind,
                    c.status,
                    c.title,
                    c.invoiceId,
                    c.invoiceNumber,
                    c.currency,
                    c.claimAmount,
                    c.openedOn,
                    next == null ? null : next.dueOn,
                    c.result,
                    c.closedOn);
        }
    }

    public record CaseView(
            UUID id,
            String caseNumber,
            CaseKind kind,
            CaseStatus status,
            String title,
            String summary,
            UUID invoiceId,
            String invoiceNumber,
            UUID customerId,
            UUID employeeId,
            String currency,
            BigDecimal claimAmount,
            LocalDate openedOn,
            String openedBy,
            List<PartyView> parties,
            List<DeadlineView> deadlines,
            List<DocumentView> documents,
            List<CostView> costs,
            BigDecimal costsTotal,
            CaseResult result,
            BigDecimal amountRecovered,
            String closingNote,
            LocalDate closedOn,
            String closedBy) {

        static CaseView of(LegalCase c, LocalDate today) {
            List<CaseCost> costs = CaseCost.list("caseId", Sort.by("incurredOn").and("recordedAt"), c.id);
            return new CaseView(
                    c.id,
                    c.caseNumber,
                    c.kind,
                    c.status,
                    c.title,
                    c.summary,
                    c.invoiceId,
                    c.invoiceNumber,
                    c.customerId,
                    c.employeeId,
                    c.currency,
                    c.claimAmount,
                    c.openedOn,
                    c.openedBy,
                    CaseParty.<CaseParty>list("caseId", Sort.by("position"), c.id).stream()
                            .map(PartyView::of)
                            .toList(),
                    CaseDeadline.<CaseDeadline>list("caseId", Sort.by("dueOn"), c.id).stream()
                            .map(d -> DeadlineView.of(d, c, today))
                            .toList(),
                    CaseDocument.<CaseDocument>find("caseId", Sort.by("uploadedAt"), c.id)
                            .project(DocumentView.class)
                            .list(),
                    costs.stream().map(CostView::of).toList(),
                    costs.stream().map(cost -> cost.amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                    c.result,
                    c.amountRecovered,
                    c.closingNote,
                    c.closedOn,
                    c.closedBy);
        }
    }

    @Inject
    Cases cases;

    @Inject
    BusinessCalendar calendar;

    @Inject
    SecurityIdentity caller;

    @POST
    @IdempotentCreate
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response openCase(@NotNull @Valid CaseRequest request) {
        List<Cases.Party> parties = new ArrayList<>();
        for (PartyRequest p : request.parties() == null ? List.<PartyRequest>of() : request.parties()) {
            parties.add(new Cases.Party(p.role(), p.name(), p.reference(), p.contact()));
        }
        List<Cases.Deadline> deadlines = new ArrayList<>();
        for (DeadlineRequest d : request.deadlines() == null ? List.<DeadlineRequest>of() : request.deadlines()) {
            deadlines.add(new Cases.Deadline(d.title(), d.dueOn(), d.basis()));
        }
        LegalCase matter = cases.open(
                new Cases.Opening(
                        request.kind(),
                        request.title(),
                        request.summary(),
                        null,
                        request.invoiceId(),
                        request.invoiceNumber(),
                        null,
                        null,
                        request.currency(),
                        request.claimAmount(),
                        parties,
                        deadlines),
                CallerId.of(caller));
        return Response.created(URI.create("/api/v1/legal/cases/" + matter.id))
                .entity(CaseView.of(matter, calendar.today()))
                .build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.ACCOUNTING})
    public Page<CaseSummary> listCases(
            @QueryParam("kind") String kindParameter,
            @QueryParam("status") String statusParameter,
            @QueryParam("invoiceId") String invoiceIdParameter,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        CaseKind kind = QueryParameters.oneOf("kind", kindParameter, CaseKind.class);
        CaseStatus status = QueryParameters.oneOf("status", statusParameter, CaseStatus.class);
        UUID invoiceId = QueryParameters.uuid("invoiceId", invoiceIdParameter);
        if (accountingOnly()) {
            if (kind != null && kind != CaseKind.COLLECTION) {
                throw new InvalidFieldProblem("kind", "accounting reads the COLLECTION cases only");
            }
            kind = CaseKind.COLLECTION;
        }
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> values = new ArrayList<>();
        if (kind != null) {
            values.add(kind);
            where.append(" and kind = ?").append(values.size());
        }
        if (status != null) {
            values.add(status);
            where.append(" and status = ?").append(values.size());
        }
        if (invoiceId != null) {
            values.add(invoiceId);
            where.append(" and invoiceId = ?").append(values.size());
        }
        return Paging.page(
                LegalCase.<LegalCase>find(
                        where.toString(), Sort.by("openedOn").descending().and("caseNumber"), values.toArray()),
                page,
                size,
                CaseSummary::of);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.ACCOUNTING})
    public CaseView getCase(@PathParam("id") UUID id) {
        LegalCase matter = LegalCase.require(id);
        if (accountingOnly() && matter.kind != CaseKind.COLLECTION) {
            // Not 403: whether a labour-law case exists is itself not accounting's to know.
            throw new NotFoundProblem("case", id);
        }
        return CaseView.of(matter, calendar.today());
    }

    @POST
    @Path("/{id}/parties")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CaseView addParty(@PathParam("id") UUID id, @NotNull @Valid PartyRequest request) {
        cases.addParty(id, new Cases.Party(request.role(), request.name(), request.reference(), request.contact()));
        return CaseView.of(LegalCase.require(id), calendar.today());
    }

    @POST
    @Path("/{id}/deadlines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CaseView addDeadline(@PathParam("id") UUID id, @NotNull @Valid DeadlineRequest request) {
        cases.addDeadline(id, new Cases.Deadline(request.title(), request.dueOn(), request.basis()));
        return CaseView.of(LegalCase.require(id), calendar.today());
    }

    @POST
    @Path("/{id}/deadlines/{deadlineId}/done")
    @Transactional
    public CaseView completeDeadline(@PathParam("id") UUID id, @PathParam("deadlineId") UUID deadlineId) {
        cases.completeDeadline(id, deadlineId, CallerId.of(caller));
        return CaseView.of(LegalCase.require(id), calendar.today());
    }

    @POST
    @Path("/{id}/costs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CaseView addCost(@PathParam("id") UUID id, @NotNull @Valid CostRequest request) {
        cases.addCost(
                id,
                new Cases.Cost(
                        request.kind(),
                        request.description(),
                        request.amount(),
                        request.currency(),
                        request.incurredOn()),
                CallerId.of(caller));
        return CaseView.of(LegalCase.require(id), calendar.today());
    }

    /** The file is the request body as sent, its media type the Content-Type, its name {@code ?fileName=}. */
    @POST
    @Path("/{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DocumentView.class)))
    public Response uploadDocument(
            @PathParam("id") UUID id,
            @QueryParam("fileName") String fileName,
            @HeaderParam("Content-Type") String contentType,
            byte[] content) {
        if (fileName == null
                || fileName.isBlank()
                || fileName.length() > 255
                || fileName.contains("/")
                || fileName.contains("\\")) {
            throw new InvalidFieldProblem("fileName", "a file name without a path, 1 to 255 characters");
        }
        if (content == null || content.length == 0) {
            throw new InvalidFieldProblem("body", "the file is empty");
        }
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidFieldProblem("body", "a file is at most " + MAX_DOCUMENT_BYTES + " bytes");
        }
        String mediaType =
                contentType == null || contentType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM : contentType.strip();
        CaseDocument document = cases.upload(id, fileName.strip(), mediaType, content, CallerId.of(caller));
        return Response.created(URI.create("/api/v1/legal/cases/" + id + "/documents/" + document.id))
                .type(MediaType.APPLICATION_JSON)
                .entity(DocumentView.of(document))
                .build();
    }

    /** The file as filed, with its SHA-256 in a header for the reader to check. */
    @GET
    @Path("/{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @Transactional
    public Response downloadDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        CaseDocument document = Found.or404(
                CaseDocument.find("id = ?1 and caseId = ?2", documentId, id).firstResult(), "document", documentId);
        return Response.ok(document.content, document.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + document.fileName.replace("\"", "") + "\"")
                .header("Digest", "sha-256=" + document.sha256)
                .build();
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CaseView closeCase(@PathParam("id") UUID id, @NotNull @Valid CloseRequest request) {
        LegalCase matter = cases.close(
                id,
                new Cases.Closing(request.result(), request.amountRecovered(), request.note()),
                CallerId.of(caller));
        return CaseView.of(matter, calendar.today());
    }

    /** The open deadlines of all open matters, the next first. */
    @GET
    @Path("/deadlines")
    @Transactional
    public Page<DeadlineView> listDeadlines(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        LocalDate today = calendar.today();
        return Paging.page(
                CaseDeadline.<CaseDeadline>find(
                        "doneOn is null", Sort.by("dueOn").and("createdAt")),
                page,
                size,
                d -> DeadlineView.of(d, LegalCase.findById(d.caseId), today));
    }

    /** The same as an RFC 5545 calendar, for the legal team's calendar to subscribe to (with a token). */
    @GET
    @Path("/deadlines.ics")
    @Produces(DeadlineCalendar.MEDIA_TYPE)
    @Transactional
    public Response deadlineCalendar() {
        List<DeadlineCalendar.Entry> entries =
                CaseDeadline.<CaseDeadline>list(
                                "doneOn is null", Sort.by("dueOn").and("createdAt"))
                        .stream()
                        .map(d -> new DeadlineCalendar.Entry(d, LegalCase.findById(d.caseId)))
                        .toList();
        return Response.ok(
                        DeadlineCalendar.toIcs(entries, calendar.now()),
                        DeadlineCalendar.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"fristen.ics\"")
                .build();
    }

    private boolean accountingOnly() {
        return !caller.hasRole(Roles.LEGAL) && !caller.hasRole(Roles.ADMIN);
    }
}
