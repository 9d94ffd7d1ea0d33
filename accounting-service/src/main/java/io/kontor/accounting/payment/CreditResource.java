package io.kontor.accounting.payment;

import io.kontor.accounting.customer.Customer;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer's credit (money of theirs we hold): its movements, set-off against due invoices, refund. */
@Path("/customers/{customerId}/credit")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class CreditResource {

    @Inject
    CustomerCredits credits;

    @Inject
    BusinessCalendar calendar;

    public record Movement(
            UUID id,
            CustomerCredit.Kind kind,
            BigDecimal amount,
            String currency,
            UUID paymentId,
            String reason,
            Instant at) {}

    public record CreditView(UUID customerId, BigDecimal credit, List<Movement> movements) {}

    public record SetOffView(UUID customerId, List<BookedPayment> setOffs, BigDecimal creditLeft) {}

    public record RefundRequest(
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal amount,

            @Size(max = 300) String reference) {}

    @GET
    public CreditView credit(@PathParam("customerId") UUID customerId) {
        Found.byId(Customer.class, customerId, "customer");
        List<Movement> movements =
                CustomerCredit.<CustomerCredit>list("customerId = ?1 order by createdAt, id", customerId).stream()
                        .map(c -> new Movement(c.id, c.kind, c.amount, c.currency, c.paymentId, c.reason, c.createdAt))
                        .toList();
        return new CreditView(customerId, CustomerCredit.totalOf(customerId), movements);
    }

    /** Sets the credit off against the customer's due invoices now (it also happens by itself; see API.md). */
    @POST
    @Path("/set-off")
    public SetOffView setOff(@PathParam("customerId") UUID customerId) {
        Found.byId(Customer.class, customerId, "customer");
        List<BookedPayment> setOffs = credits.setOffAgainstDueInvoices(customerId, calendar.today());
        return new SetOffView(customerId, setOffs, CustomerCredit.totalOf(customerId));
    }

    /** Pays credit back to the customer; more than the credit is a 400 naming {@code amount}. */
    @POST
    @Path("/refund")
    public CreditView refund(@PathParam("customerId") UUID customerId, @NotNull @Valid RefundRequest request) {
        Found.byId(Customer.class, customerId, "customer");
        credits.refund(customerId, request.amount(), "EUR", request.reference());
        return credit(customerId);
    }
}
