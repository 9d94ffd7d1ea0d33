package io.kontor.sales.customer;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/customers")
@RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    Customers customers;

    @Inject
    SecurityIdentity caller;

    /**
     * Front-office systems (the web shop's checkout) register their customers too, and may then make offers for those
     * alone (issue #24); reading and changing customers stays with staff.
     */
    @POST
    @IdempotentCreate
    @Transactional
    @RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN, Roles.FRONT_OFFICE})
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CustomerView.class)))
    public Response registerCustomer(@NotNull @Valid CustomerRequest request) {
        Customer customer = customers.register(request, CallerId.of(caller));
        return Response.created(URI.create("customers/" + customer.id))
                .entity(CustomerView.of(customer))
                .build();
    }

    @GET
    public Page<CustomerView> searchCustomers(
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return customers.search(q, page, size);
    }

    @GET
    @Path("/{id}")
    public CustomerView getCustomer(@PathParam("id") UUID id) {
        return CustomerView.of(customers.get(id));
    }

    /**
     * Asks VIES whether the customer's VAT id is assigned and keeps the answer ({@code vatIdConfirmation}); 409 without
     * a VAT id, 503 when VIES cannot answer. Takes no body.
     */
    @POST
    @Path("/{id}/vat-id-confirmation")
    @Consumes(MediaType.WILDCARD)
    public CustomerView confirmVatId(@PathParam("id") UUID id) {
        return CustomerView.of(customers.confirmVatId(id));
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public CustomerView updateCustomer(@PathParam("id") UUID id, @NotNull @Valid CustomerRequest request) {
        return CustomerView.of(customers.update(id, request));
    }
}
