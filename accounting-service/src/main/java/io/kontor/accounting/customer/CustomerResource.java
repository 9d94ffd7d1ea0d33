package io.kontor.accounting.customer;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class CustomerResource {

    @GET
    @Path("/{id}")
    public CustomerView getCustomer(@PathParam("id") UUID id) {
        Customer customer = Found.byId(Customer.class, id, "customer");
        return CustomerView.of(customer);
    }
}
