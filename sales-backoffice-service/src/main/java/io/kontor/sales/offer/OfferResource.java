package io.kontor.sales.offer;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import io.kontor.sales.SalesConfig;
import io.kontor.sales.customer.Customer;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Offers: front-office systems (the web shop, the CRM) may make and read them; sales moves them on. Changing methods
 * run in one transaction with the building of the answer, which reads the lazily loaded lines.
 */
@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class OfferResource {

    public record RejectRequest(@NotBlank @Size(max = 1000) String reason) {}

    /** The optional lines the customer takes, by position (1 = first line); none when left out. */
    /** {@code acceptedBy}: who declared the acceptance for the customer (name, function); else the caller is named. */
    public record AcceptRequest(
            @Size(max = 200) Set<@NotNull Integer> chosenOptions,
            @Size(max = 200) String acceptedBy) {}

    @Inject
    OfferDrafting drafting;

    @Inject
    OfferSending sending;

    @Inject
    OfferReviews reviews;

    @Inject
    OfferDecisions decisions;

    @Inject
    OfferReads reads;

    @Inject
    SalesConfig config;

    @Inject
    io.kontor.platform.company.CompanyProfile company;

    @Inject
    SecurityIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @IdempotentCreate
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OfferView.class)))
    public Response createOffer(@NotNull @Valid OfferRequest request) {
        Offer offer = drafting.create(request, CallerId.of(caller), onlyOwnOffers());
        return Response.created(URI.create("offers/" + offer.id))
                .entity(OfferView.of(offer))
                .build();
    }

    /**
     * Filters arrive as text so that a wrong value is a 400 naming the parameter, not JAX-RS's bare 404. Reading may
     * expire offers past their validity, hence the transaction.
     */
    @GET
    @Transactional
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    public Page<OfferView> searchOffers(
            @QueryParam("customerId") String customerId,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        decisions.expireDue();
        return reads.search(
                QueryParameters.uuid("customerId", customerId),
                QueryParameters.oneOf("status", status, OfferStatus.class),
                onlyOwnOffers() ? CallerId.of(caller) : null,
                page,
                size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    @Transactional
    public OfferView getOffer(@PathParam("id") UUID id) {
        return OfferView.of(visible(current(id)));
    }

    /** A draft changes in place (200); a sent offer gets revision n+1 under a new id (201), the sent one is kept. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(
            responseCode = "200",
            description = "The draft, changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OfferView.class)))
    @APIResponse(
            responseCode = "201",
            description = "A sent offer, revised into a new draft",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OfferView.class)))
    public Response changeOffer(@PathParam("id") UUID id, @NotNull @Valid OfferRequest request) {
        OfferDrafting.Change change = drafting.change(id, request);
        OfferView view = OfferView.of(change.offer());
        return change.revised()
                ? Response.created(URI.create("offers/" + change.offer().id))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    /** The offer as the customer gets it; front-office systems may fetch it to hand it out. */
    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    @Transactional
    public Response getOfferPdf(@PathParam("id") UUID id) {
        Offer offer = visible(current(id));
        Customer customer = Customer.findById(offer.customerId);
        return Response.ok(OfferPdf.of(offer, customer, company), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + OfferPdf.fileName(offer) + "\"")
                .build();
    }

    /** {@code deliver} (default true): mail the PDF to the customer; false only marks the offer sent. */
    public record SendRequest(Boolean deliver) {}

    /** The body is optional, as for accept: without one the offer is mailed to the customer ({@code deliver: true}). */
    @POST
    @Path("/{id}/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public OfferView sendOffer(@PathParam("id") UUID id, SendRequest request) {
        boolean deliver = request == null || request.deliver() == null || request.deliver();
        return OfferView.of(sending.send(id, deliver, caller.getPrincipal().getName()));
    }

    /** The mails sent for the offer with their delivery records (newest last). */
    @GET
    @Path("/{id}/deliveries")
    @Transactional
    public List<MailDelivery> getOfferDeliveries(@PathParam("id") UUID id) {
        visible(current(id));
        return sending.deliveries(id);
    }

    /**
     * The body is optional (API.md: a plain POST accepts without options): without one, or without a Content-Type, no
     * optional line is chosen. Declaring JSON is what lets JAX-RS read a body-less request at all.
     */
    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public OfferView acceptOffer(@PathParam("id") UUID id, @Valid AcceptRequest request) {
        return OfferView.of(decisions.accept(
                id,
                request == null || request.chosenOptions() == null ? Set.of() : request.chosenOptions(),
                request == null
                                || request.acceptedBy() == null
                                || request.acceptedBy().isBlank()
                        ? null
                        : request.acceptedBy().strip(),
                CallerId.of(caller)));
    }

    /** After legal's decision (REVIEW_APPROVED or REVIEW_REJECTED): back to DRAFT to be changed. */
    @POST
    @Path("/{id}/return-to-draft")
    @Transactional
    public OfferView returnOfferToDraft(@PathParam("id") UUID id) {
        return OfferView.of(reviews.returnToDraft(id, CallerId.of(caller)));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public OfferView rejectOffer(@PathParam("id") UUID id, @NotNull @Valid RejectRequest request) {
        return OfferView.of(decisions.reject(id, request.reason().strip()));
    }

    /**
     * The offer as it stands today: one past its validity is expired (and published) before it is shown, if the daily
     * run has not got to it yet, so that the run being late changes nothing a caller can see.
     */
    private Offer current(UUID id) {
        decisions.expireIfDue(id);
        return reads.get(id);
    }

    /** A front-office system (web shop, CRM) reads only the offers it made itself; staff roles read all. */
    private boolean onlyOwnOffers() {
        return caller.hasRole(Roles.FRONT_OFFICE)
                && !(caller.hasRole(Roles.SALES) || caller.hasRole(Roles.MIDDLE_OFFICE) || caller.hasRole(Roles.ADMIN));
    }

    /** Someone else's offer is "not found" for a front-office system: it must not learn that the id exists. */
    private Offer visible(Offer offer) {
        if (onlyOwnOffers() && !Objects.equals(CallerId.of(caller), offer.createdBy)) {
            throw new NotFoundProblem("offer", offer.id);
        }
        return offer;
    }
}
