package io.kontor.legal.cases;

import io.kontor.legal.cases.CaseDeadlineResource.DeadlineRequest;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Filter;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
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

    public record PartyRequest(
            @NotNull PartyRole role,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 200) String reference,
            @Size(max = 300) String contact) {}

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
        Filter filter = new Filter()
                .and("kind = :kind", "kind", kind)
                .and("status = :status", "status", status)
                .and("invoiceId = :invoiceId", "invoiceId", invoiceId);
        return Paging.page(
                LegalCase.<LegalCase>find(
                        filter.where(), Sort.by("openedOn").descending().and("caseNumber"), filter.parameters()),
                page,
                size,
                CaseSummary::of);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.ACCOUNTING})
    public CaseView getCase(@PathParam("id") UUID id) {
        LegalCase matter = Found.byId(LegalCase.class, id, "case");
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
        return CaseView.of(Found.byId(LegalCase.class, id, "case"), calendar.today());
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
        return CaseView.of(Found.byId(LegalCase.class, id, "case"), calendar.today());
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

    private boolean accountingOnly() {
        return !caller.hasRole(Roles.LEGAL) && !caller.hasRole(Roles.ADMIN);
    }
}
