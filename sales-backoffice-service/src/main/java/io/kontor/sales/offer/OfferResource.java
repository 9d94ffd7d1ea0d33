package io.kontor.sales.offer;

import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.web.Page;
import io.kontor.sales.Paging;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;

/**
 * Offers: front-office systems (the web shop, the CRM) may make and read them; sales moves them on. Changing methods
 * run in one transaction with the building of the answer, which reads the lazily loaded lines.
 */
@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class OfferResource {

    public record RejectRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @Inject
    Offers offers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @IdempotentCreate
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    @Transactional
    public Response createOffer(@NotNull @Valid OfferRequest request) {
        Offer offer = offers.create(request);
        return Response.created(URI.create("offers/" + offer.id)).entity(OfferView.of(offer)).build();
    }

    /** Filters arrive as text so that a wrong value is a 400 naming the parameter, not JAX-RS's bare 404. */
    @GET
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    public Page<OfferView> searchOffers(
            @QueryParam("customerId") String customerId,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return offers.search(customerIdOf(customerId), statusOf(status), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    public OfferView getOffer(@PathParam("id") UUID id) {
        return OfferView.of(offers.get(id));
    }

    @POST
    @Path("/{id}/send")
    @Transactional
    public OfferView sendOffer(@PathParam("id") UUID id) {
        return OfferView.of(offers.send(id));
    }

    @POST
    @Path("/{id}/accept")
    @Transactional
    public OfferView acceptOffer(@PathParam("id") UUID id) {
        return OfferView.of(offers.accept(id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public OfferView rejectOffer(@PathParam("id") UUID id, @NotNull @Valid RejectRequest request) {
        return OfferView.of(offers.reject(id, request.reason().strip()));
    }

    private static UUID customerIdOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem("customerId", "must be a UUID");
        }
    }

    private static OfferStatus statusOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OfferStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem("status", "must be one of " + Arrays.toString(OfferStatus.values()));
        }
    }
}
