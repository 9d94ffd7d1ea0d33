package io.kontor.accounting.bank;

import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

@Path("/bank-statements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class BankStatementResource {

    @Inject
    BankStatementImport statements;

    /** The body is the camt.053 XML as the bank delivered it. */
    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public BankStatementImport.Result importStatement(String xml) {
        List<StatementEntry> entries;
        try {
            entries = Camt053Reader.read(xml);
        } catch (Camt053Reader.UnreadableStatement e) {
            throw new InvalidFieldProblem("body", e.getMessage());
        }
        return statements.importStatement(entries);
    }

    /** Entries that no rule could match, waiting for a person. */
    @GET
    @Path("/clearing")
    public List<BankStatementImport.Unmatched> clearing() {
        return statements.clearing();
    }

    public record Assignment(
            @NotNull @Pattern(regexp = "RE-\\d{4}-\\d{6}", message = "must be an invoice number RE-<year>-<6 digits>")
            String invoiceNumber) {}

    @POST
    @Path("/clearing/{entryId}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public BankStatementImport.Matched assign(
            @PathParam("entryId") UUID entryId, @NotNull @Valid Assignment assignment) {
        return statements.assign(entryId, assignment.invoiceNumber());
    }
}
