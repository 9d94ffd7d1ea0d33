package io.kontor.legal.review;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Offers held for legal's advice before they are sent (interne Beratung bei sich anbahnenden Geschäften). */
@Path("/reviews")
@RolesAllowed({Roles.LEGAL, Roles.ADMIN})
public class ReviewResource {

    public record DecisionRequest(@Size(max = 4000) String comment) {}

    public record ReviewView(
            UUID id,
            UUID offerId,
            String offerNumber,
            int revision,
            UUID customerId,
            String customerName,
            String customerCountry,
            int paymentTermDays,
            String currency,
            BigDecimal netTotal,
            BigDecimal grossTotal,
            String termsText,
            List<String> lines,
            List<String> reasons,
            String requestedBy,
            Instant requestedAt,
            OfferReview.Status status,
            String comment,
            String decidedBy,
            Instant decidedAt) {

        static ReviewView of(OfferReview r) {
            return new ReviewView(
                    r.id,
                    r.offerId,
                    r.offerNumber,
                    r.revision,
                    r.customerId,
                    r.customerName,
                    r.customerCountry,
                    r.paymentTermDays,
                    r.currency,
                    r.netTotal,
                    r.grossTotal,
                    r.termsText,
                    r.lines,
                    r.reasons,
                    r.requestedBy,
                    r.requestedAt,
                    r.status,
                    r.comment,
                    r.decidedBy,
                    r.decidedAt);
        }
    }

    @Inject
    Reviews reviews;

    @Inject
    SecurityIdentity caller;

    @GET
    @Transactional
    public Page<ReviewView> listReviews(
            @QueryParam("status") String statusParameter,
            @QueryParam("offerId") String offerIdParameter,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        OfferReview.Status status = QueryParameters.oneOf("status", statusParameter, OfferReview.Status.class);
        UUID offerId = QueryParameters.uuid("offerId", offerIdParameter);
        Sort order = Sort.by("requestedAt");
        var query = status == null && offerId == null
                ? OfferReview.<OfferReview>findAll(order)
                : status == null
                        ? OfferReview.<OfferReview>find("offerId", order, offerId)
                        : offerId == null
                                ? OfferReview.<OfferReview>find("status", order, status)
                                : OfferReview.<OfferReview>find("status = ?1 and offerId = ?2", order, status, offerId);
        return Paging.page(query, page, size, ReviewView::of);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ReviewView getReview(@PathParam("id") UUID id) {
        return ReviewView.of(Found.byId(OfferReview.class, id, "offer review"));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ReviewView approveReview(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return ReviewView.of(reviews.approve(id, request == null ? null : request.comment(), CallerId.of(caller)));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ReviewView rejectReview(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return ReviewView.of(reviews.reject(id, request == null ? null : request.comment(), CallerId.of(caller)));
    }
}
