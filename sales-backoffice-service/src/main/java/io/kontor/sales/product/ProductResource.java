package io.kontor.sales.product;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The catalogue: kept by sales, readable by front-office systems (the web shop shows it). */
@Path("/products")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    Products products;

    @POST
    @IdempotentCreate
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN})
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductView.class)))
    public Response createProduct(@NotNull @Valid ProductRequest request) {
        Product product = products.create(request);
        return Response.created(URI.create("products/" + product.id))
                .entity(ProductView.of(product))
                .build();
    }

    @GET
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    public Page<ProductView> listProducts(
            @QueryParam("includeInactive") String includeInactive,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return products.list(QueryParameters.flag("includeInactive", includeInactive), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    public ProductView getProduct(@PathParam("id") UUID id) {
        return ProductView.of(products.get(id));
    }

    /** 204 when the product was unused and is gone; 200 with the deactivated product when documents refer to it. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN})
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "204", description = "Nothing to withdraw")
    public Response withdrawProduct(@PathParam("id") UUID id) {
        return products.withdraw(id)
                .map(product -> Response.ok(ProductView.of(product)).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
