package io.kontor.accounting.payables.supplier;

import io.kontor.accounting.payables.SupplierInvoice;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.ConflictProblem;
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
import java.util.UUID;
import org.jboss.logging.Logger;

@Path("/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class SupplierResource {

    private static final Logger LOG = Logger.getLogger(SupplierResource.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    BusinessCalendar calendar;

    @GET
    public Page<SupplierView> suppliers(
            @QueryParam("confirmed") String confirmedFilter,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        // "maybe" is a 400 naming the field, not false (QueryParameters); blank is no filter.
        Boolean confirmed = confirmedFilter == null || confirmedFilter.isBlank()
                ? null
                : QueryParameters.flag("confirmed", confirmedFilter);
        return Paging.page(
                confirmed == null
                        ? Supplier.findAll(Sort.ascending("name"))
                        : Supplier.find("confirmed", Sort.ascending("name"), confirmed),
                page,
                size,
                SupplierView::of);
    }

    @GET
    @Path("/{id}")
    public SupplierView supplier(@PathParam("id") UUID id) {
        return SupplierView.of(Found.byId(Supplier.class, id, "supplier"));
    }

    /** A clerk confirms a supplier made from its first invoice: its name, address and account are right. */
    @POST
    @Path("/{id}/confirm")
    @Transactional
    public SupplierView confirm(@PathParam("id") UUID id) {
        Supplier supplier = Found.byId(Supplier.class, id, "supplier");
        if (supplier.confirmed) {
            throw new ConflictProblem("supplier " + supplier.name + " is confirmed already");
        }
        supplier.confirmed = true;
        supplier.confirmedBy = CallerId.of(identity);
        supplier.confirmedAt = calendar.now();
        return SupplierView.of(supplier);
    }

    /**
     * The outcome of verifying a new IBAN with the supplier (by a call to the number on file, not the one on the
     * invoice). {@code accepted}: the new account becomes the supplier's, and the invoices held for it go on; otherwise
     * the account is refused and the invoices stay held with the reason (a fraud attempt to report).
     */
    public record IbanDecision(
            @NotNull Boolean accepted,
            @NotBlank @Size(max = 500) String note) {}

    @POST
    @Path("/{id}/iban-verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public SupplierView verifyIban(@PathParam("id") UUID id, @NotNull @Valid IbanDecision decision) {
        Supplier supplier = Found.byId(Supplier.class, id, "supplier");
        if (supplier.pendingIban == null) {
            throw new ConflictProblem("supplier " + supplier.name + " has no IBAN waiting for verification");
        }
        String iban = supplier.pendingIban;
        for (SupplierInvoice held : SupplierInvoice.<SupplierInvoice>list(
                "supplierId = ?1 and iban = ?2 and heldReason is not null", id, iban)) {
            held.heldReason = decision.accepted()
                    ? null
                    : "IBAN " + iban + " refused after verification with the supplier: " + decision.note();
        }
        if (decision.accepted()) {
            LOG.infof("supplier %s: IBAN changed after verification by %s", supplier.id, CallerId.of(identity));
            supplier.iban = iban;
            supplier.bic = supplier.pendingBic;
        }
        supplier.pendingIban = null;
        supplier.pendingBic = null;
        supplier.pendingIbanInvoiceId = null;
        return SupplierView.of(supplier);
    }
}
