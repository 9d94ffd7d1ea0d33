package io.kontor.accounting.bank;

import io.kontor.accounting.payment.CollectivePayments;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Path("/bank-statements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class BankStatementResource {

    @Inject
    BankStatementImport statements;

    @Inject
    ClearingList clearing;

    /**
     * The body is the camt.053 XML as the bank delivered it, read as a stream (#23): a statement of any size costs the
     * memory of one chunk of entries, so statements may be as large as
     * {@code kontor.accounting.bank.max-statement-size}.
     */
    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public BankStatementImport.Result importStatement(InputStream xml) {
        return statements.importStatement(xml);
    }

    /** Entries that no rule could match, waiting for a person; newest first, one page at a time. */
    @GET
    @Path("/clearing")
    public Page<BankStatementImport.Unmatched> clearing(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return clearing.entries(page, size);
    }

    /** One invoice by its number, or several with {@code allocations} (amounts optional: filled in the order given). */
    public record Assignment(
            @Pattern(regexp = "RE-\\d{4}-\\d{6}", message = "must be an invoice number RE-<year>-<6 digits>")
            String invoiceNumber,

            @Size(max = 100) List<@NotNull @Valid Allocation> allocations) {}

    public record Allocation(
            @NotNull @Pattern(regexp = "RE-\\d{4}-\\d{6}", message = "must be an invoice number RE-<year>-<6 digits>")
            String invoiceNumber,

            @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal amount) {}

    public record Note(@NotBlank @Size(max = 500) String reason) {}

    @POST
    @Path("/clearing/{entryId}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public BankStatementImport.Matched assign(
            @PathParam("entryId") UUID entryId, @NotNull @Valid Assignment assignment) {
        List<CollectivePayments.Designation> allocations = assignment.allocations() == null
                ? List.of()
                : assignment.allocations().stream()
                        .map(a -> new CollectivePayments.Designation(a.invoiceNumber(), a.amount()))
                        .toList();
        return clearing.assign(entryId, assignment.invoiceNumber(), allocations);
    }

    /** A clearing entry that is no customer's payment (own transfer, tax refund, interest): it leaves the list. */
    @POST
    @Path("/clearing/{entryId}/not-a-payment")
    @Consumes(MediaType.APPLICATION_JSON)
    public BankStatementImport.Unmatched notAPayment(@PathParam("entryId") UUID entryId, @NotNull @Valid Note note) {
        return clearing.notAPayment(entryId, note.reason());
    }

    /** Reverses the booking of an entry by reversal bookings; the entry goes back to the clearing list. */
    @POST
    @Path("/entries/{entryId}/reverse")
    @Consumes(MediaType.APPLICATION_JSON)
    public BankStatementImport.Unmatched reverseEntry(@PathParam("entryId") UUID entryId, @NotNull @Valid Note note) {
        return clearing.reverse(entryId, note.reason());
    }
}
