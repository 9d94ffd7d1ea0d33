package io.kontor.accounting.balance;

import io.kontor.accounting.AccountingConfig;
import io.kontor.accounting.customer.Customer;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.CustomerCredit;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Path("/customers/{id}/balance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class CustomerBalanceResource {

    @Inject
    BusinessCalendar calendar;

    @Inject
    AccountingConfig config;

    /**
     * A customer is known by the replica or by an invoice (offers bill customers the replica may not have seen yet).
     */
    @GET
    public CustomerBalance balance(@PathParam("id") UUID customerId) {
        List<Invoice> open = Invoice.list(
                "customerId = ?1 and status in ?2",
                customerId,
                List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID));
        if (open.isEmpty() && Customer.findById(customerId) == null && Invoice.count("customerId", customerId) == 0) {
            throw new NotFoundProblem("customer", customerId);
        }
        BigDecimal credit = CustomerCredit.totalOf(customerId);
        return CustomerBalance.of(customerId, config.currency(), open, credit, calendar.today());
    }
}
