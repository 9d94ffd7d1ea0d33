package io.kontor.accounting.credit;

import io.kontor.accounting.document.InvoiceDocuments;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Partial credit notes of an invoice (Rechnungskorrektur, §17 UStG) and their frozen documents. */
@Path("/invoices/{id}/credits")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class PartialCreditResource {

    private static final String XML = MediaType.APPLICATION_XML + ";charset=UTF-8";

    @Inject
    PartialCredits credits;

    @Inject
    CreditNoteDocuments documents;

    /**
     * Credits part of an issued invoice by a credit note of its own (it binds the company like issuing: accounting).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Credited: the credit note",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartialCreditView.class)))
    public Response creditInvoice(@PathParam("id") UUID id, @NotNull @Valid PartialCreditRequest request) {
        PartialCredit credit = credits.credit(id, request);
        return Response.created(URI.create("/api/v1/accounting/invoices/" + id + "/credits/" + credit.id))
                .entity(PartialCreditView.of(credit))
                .build();
    }

    @GET
    @Transactional
    public List<PartialCreditView> listInvoiceCredits(@PathParam("id") UUID id) {
        return credits.of(id).stream().map(PartialCreditView::of).toList();
    }

    @GET
    @Path("/{creditId}")
    @Transactional
    public PartialCreditView getInvoiceCredit(@PathParam("id") UUID id, @PathParam("creditId") UUID creditId) {
        return PartialCreditView.of(credit(id, creditId));
    }

    /**
     * A document of the credit note as stored when it was written: {@code pdf}, {@code xrechnung}, {@code zugferd}
     * (type 381, BT-25/BT-26 the invoice) or {@code zugferd-pdf}; its SHA-256 as ETag and {@code X-Content-SHA256}.
     */
    @GET
    @Path("/{creditId}/{kind}")
    @Produces({"application/pdf", MediaType.APPLICATION_XML})
    @Transactional
    public Response invoiceCreditDocument(
            @PathParam("id") UUID id, @PathParam("creditId") UUID creditId, @PathParam("kind") String kind) {
        PartialCredit credit = credit(id, creditId);
        return switch (kind) {
            case "pdf" -> stored(credit, CreditNoteDocuments.Kind.PDF, "application/pdf", credit.number + ".pdf");
            case "xrechnung" -> stored(credit, CreditNoteDocuments.Kind.XRECHNUNG, XML, credit.number + ".xml");
            case "zugferd" -> stored(credit, CreditNoteDocuments.Kind.ZUGFERD, XML, credit.number + "-factur-x.xml");
            case "zugferd-pdf" ->
                stored(credit, CreditNoteDocuments.Kind.ZUGFERD_PDF, "application/pdf", credit.number + "-zugferd.pdf");
            default -> throw new NotFoundProblem("document " + kind + " of credit note", creditId);
        };
    }

    private static PartialCredit credit(UUID invoiceId, UUID creditId) {
        PartialCredit credit = PartialCredit.findById(creditId);
        if (credit == null || !credit.invoiceId.equals(invoiceId)) {
            throw new NotFoundProblem("credit note", creditId);
        }
        return credit;
    }

    private Response stored(PartialCredit credit, CreditNoteDocuments.Kind kind, String type, String fileName) {
        InvoiceDocuments.Stored document = documents.stored(credit, kind);
        if (document == null) {
            throw new NotFoundProblem("document " + kind + " of credit note", credit.id);
        }
        return Response.ok(document.content(), type)
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .header("ETag", "\"" + document.sha256() + "\"")
                .header("X-Content-SHA256", document.sha256())
                .build();
    }
}
