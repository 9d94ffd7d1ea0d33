package io.kontor.accounting.invoice;

import io.kontor.accounting.AccountingConfig;
import io.kontor.accounting.document.InvoiceDocuments;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.persistence.Filter;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.kontor.platform.web.QueryParameters;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class InvoiceResource {

    @Inject
    InvoiceDrafting drafting;

    @Inject
    InvoiceIssuing issuing;

    @Inject
    InvoiceCancelling cancelling;

    @Inject
    InvoiceDisputes disputes;

    @Inject
    BusinessCalendar calendar;

    @Inject
    AccountingConfig config;

    @Inject
    InvoiceDocuments documents;

    @Inject
    InvoiceMail invoiceMail;

    @Inject
    io.kontor.accounting.approval.CancellationApprovals cancellationApprovals;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @POST
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvoiceView.class)))
    public Response draftInvoice(@NotNull @Valid DraftInvoiceRequest request) {
        Invoice invoice = drafting.draft(request);
        return Response.created(URI.create("invoices/" + invoice.id))
                .entity(view(invoice))
                .build();
    }

    /**
     * Issuing binds the company (§14 UStG) and cancelling writes a credit note: for those who also see payments, bank
     * data and dunning, not middle-office (DECISIONS.md, "Who may call what").
     */
    @POST
    @Path("/{id}/issue")
    @RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
    @Transactional
    public InvoiceView issueInvoice(@PathParam("id") UUID id) {
        return view(issuing.issue(id));
    }

    /** Cancels an issued invoice by a credit note; the body {@code {"reason": "..."}} is optional. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
    @Transactional
    @APIResponse(
            responseCode = "200",
            description = "Cancelled by a credit note",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(
            responseCode = "202",
            description = "Waits for a second person's approval",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PendingCancellation.class)))
    public Response cancelInvoice(@PathParam("id") UUID id, @Valid CancelRequest request) {
        String reason =
                request == null || request.reason() == null || request.reason().isBlank()
                        ? null
                        : request.reason().strip();
        // Four eyes above the threshold: the cancellation waits for a second person (approval package).
        Invoice invoice = Invoice.findById(id);
        if (invoice != null && invoice.status == InvoiceStatus.ISSUED && cancellationApprovals.needed(invoice)) {
            io.kontor.platform.approval.PendingAct approval =
                    cancellationApprovals.request(invoice, reason, CallerId.of(identity));
            return Response.accepted(new PendingCancellation(id, approval.id(), approval.status()))
                    .build();
        }
        return Response.ok(view(cancelling.cancel(id, reason))).build();
    }

    public record PendingCancellation(UUID invoiceId, UUID approvalId, String status) {}

    public record CancelRequest(
            @jakarta.validation.constraints.Size(max = 500) String reason) {}

    /** {@code {"reason": "..."}}: what the customer objects to; required. */
    public record DisputeRequest(@NotBlank @Size(max = 500) String reason) {}

    @POST
    @Path("/{id}/dispute")
    @Transactional
    @Operation(
            summary = "Mark an invoice disputed by the customer: dunning pauses",
            description =
                    "While disputed, the dunning run passes the invoice over: no new level, no fee, no interest, no event. "
                            + "Payments are still booked. Only ISSUED and PARTIALLY_PAID invoices can be disputed.")
    @APIResponse(
            responseCode = "200",
            description = "The invoice, now with disputed true, disputeReason and disputedSince")
    @APIResponse(responseCode = "400", description = "reason is missing, blank or longer than 500 characters")
    @APIResponse(responseCode = "404", description = "No such invoice")
    @APIResponse(responseCode = "409", description = "The invoice is a DRAFT, PAID or CANCELLED, or already disputed")
    public InvoiceView disputeInvoice(@PathParam("id") UUID id, @Valid DisputeRequest request) {
        if (request == null) {
            throw new InvalidFieldProblem("reason", "must not be blank");
        }
        return view(disputes.dispute(id, request.reason().strip()));
    }

    public record EscalationRequest(@Size(max = 2000) String note) {}

    @POST
    @Path("/{id}/dispute/escalate")
    @Transactional
    @Operation(
            summary = "Escalate the dispute of an invoice to legal",
            description = "Legal opens an invoice-dispute case (event invoice-dispute-escalated); the invoice stays "
                    + "disputed, dunning paused, until the dispute is resolved here. Once per dispute.")
    @APIResponse(responseCode = "200", description = "The invoice, still disputed")
    @APIResponse(responseCode = "400", description = "note longer than 2000 characters")
    @APIResponse(responseCode = "404", description = "No such invoice")
    @APIResponse(
            responseCode = "409",
            description = "The invoice is not disputed, or its dispute was escalated already")
    public InvoiceView escalateInvoiceDispute(@PathParam("id") UUID id, @Valid EscalationRequest request) {
        String note =
                request == null || request.note() == null || request.note().isBlank()
                        ? null
                        : request.note().strip();
        return view(disputes.escalateDispute(id, note));
    }

    @POST
    @Path("/{id}/dispute/resolve")
    @Transactional
    @Operation(
            summary = "Resolve the dispute of an invoice: dunning resumes",
            description =
                    "Dunning goes on from the level the invoice had; the next step waits its full days counted from the "
                            + "day of the resolution. Default interest was not waived: the next notice claims it since the last reckoning, "
                            + "dispute days included (a claim that stands was in default throughout, §286 BGB). A dispute that the "
                            + "customer was right about ends with cancelling the invoice (credit note), not here.")
    @APIResponse(responseCode = "200", description = "The invoice, now with disputed false and disputeResolvedOn")
    @APIResponse(responseCode = "404", description = "No such invoice")
    @APIResponse(responseCode = "409", description = "The invoice is not disputed")
    public InvoiceView resolveInvoiceDispute(@PathParam("id") UUID id) {
        return view(disputes.resolveDispute(id));
    }

    /** The invoice as a PDF (§14 (4) UStG contents). */
    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @Transactional
    public Response invoicePdf(@PathParam("id") UUID id) {
        Invoice invoice = issuedInvoice(id);
        return stored(invoice, InvoiceDocuments.Kind.PDF, "application/pdf", invoice.invoiceNumber + ".pdf");
    }

    /** The invoice as an XRechnung (EN 16931, UN/CEFACT CII). */
    @GET
    @Path("/{id}/xrechnung")
    @Produces(MediaType.APPLICATION_XML)
    @Transactional
    public Response invoiceXRechnung(@PathParam("id") UUID id) {
        Invoice invoice = issuedInvoice(id);
        return stored(invoice, InvoiceDocuments.Kind.XRECHNUNG, XML, invoice.invoiceNumber + ".xml");
    }

    /**
     * The invoice as ZUGFeRD / Factur-X XML of the EN 16931 profile (the XML a ZUGFeRD PDF embeds as factur-x.xml), for
     * buyers who read EN 16931 but not the German CIUS.
     */
    @GET
    @Path("/{id}/zugferd")
    @Produces(MediaType.APPLICATION_XML)
    @Transactional
    public Response invoiceZugferd(@PathParam("id") UUID id) {
        Invoice invoice = issuedInvoice(id);
        return stored(invoice, InvoiceDocuments.Kind.ZUGFERD, XML, invoice.invoiceNumber + "-factur-x.xml");
    }

    /**
     * The invoice as a hybrid e-invoice: the PDF as PDF/A-3 with the ZUGFeRD XML (EN 16931 profile) embedded as
     * factur-x.xml, frozen at issue.
     */
    @GET
    @Path("/{id}/zugferd-pdf")
    @Produces("application/pdf")
    @Transactional
    public Response invoiceZugferdPdf(@PathParam("id") UUID id) {
        Invoice invoice = issuedInvoice(id);
        return stored(invoice, InvoiceDocuments.Kind.ZUGFERD_PDF, "application/pdf", invoice.invoiceNumber + ".pdf");
    }

    private static final String XML = MediaType.APPLICATION_XML + ";charset=UTF-8";

    /**
     * The cancellation document (Stornorechnung) of a cancelled invoice: its own GS number and date, the original named
     * (§14 UStG); stored when the invoice was cancelled. {@code kind}: {@code pdf}, {@code xrechnung} or
     * {@code zugferd} (type 381 with BT-25).
     */
    @GET
    @Path("/{id}/cancellation/{kind}")
    @Produces({"application/pdf", MediaType.APPLICATION_XML})
    @Transactional
    public Response cancellationDocument(@PathParam("id") UUID id, @PathParam("kind") String kind) {
        Invoice invoice = issuedInvoice(id);
        if (invoice.creditNoteNumber == null) {
            throw new io.kontor.platform.problem.ConflictProblem("invoice " + invoice.invoiceNumber + " is "
                    + invoice.status + "; only a cancelled invoice has a" + " cancellation document");
        }
        return switch (kind) {
            case "pdf" ->
                stored(invoice, InvoiceDocuments.Kind.STORNO_PDF, "application/pdf", invoice.creditNoteNumber + ".pdf");
            case "xrechnung" ->
                stored(invoice, InvoiceDocuments.Kind.STORNO_XRECHNUNG, XML, invoice.creditNoteNumber + ".xml");
            case "zugferd" ->
                stored(invoice, InvoiceDocuments.Kind.STORNO_ZUGFERD, XML, invoice.creditNoteNumber + "-factur-x.xml");
            case "zugferd-pdf" ->
                stored(
                        invoice,
                        InvoiceDocuments.Kind.STORNO_ZUGFERD_PDF,
                        "application/pdf",
                        invoice.creditNoteNumber + "-zugferd.pdf");
            default -> throw new NotFoundProblem("cancellation document " + kind + " of invoice", id);
        };
    }

    /**
     * The document as stored when the invoice was issued, never rendered again; its SHA-256 as ETag and in
     * {@code X-Content-SHA256}, so a recipient can check that what it holds is what was issued.
     */
    private Response stored(Invoice invoice, InvoiceDocuments.Kind kind, String type, String fileName) {
        InvoiceDocuments.Stored document = documents.stored(invoice, kind);
        return Response.ok(document.content(), type)
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .header("ETag", "\"" + document.sha256() + "\"")
                .header("X-Content-SHA256", document.sha256())
                .build();
    }

    private static Invoice issuedInvoice(UUID id) {
        Invoice invoice = Found.byId(Invoice.class, id, "invoice");
        if (invoice.invoiceNumber == null) {
            throw new io.kontor.platform.problem.ConflictProblem(
                    "invoice " + id + " is a DRAFT; documents exist once it is issued");
        }
        return invoice;
    }

    /** The mails sent for the invoice (the frozen PDF and XRechnung) with their delivery records. */
    @GET
    @Path("/{id}/deliveries")
    @Transactional
    public List<MailDelivery> getInvoiceDeliveries(@PathParam("id") UUID id) {
        Invoice invoice = Found.byId(Invoice.class, id, "invoice");
        return invoiceMail.deliveries(invoice);
    }

    @GET
    @Path("/{id}")
    public InvoiceView getInvoice(@PathParam("id") UUID id) {
        Invoice invoice = Found.byId(Invoice.class, id, "invoice");
        return view(invoice);
    }

    @GET
    public Page<InvoiceView> listInvoices(
            @QueryParam("customerId") String customerId,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            // kontor.accounting.page-size-limit, 200 as deployed: the document states the deployed limit.
            @QueryParam("size")
                    @DefaultValue("50")
                    @Min(1)
                    @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
                    int size) {
        if (size > config.pageSizeLimit()) {
            throw new InvalidFieldProblem("size", "must be at most " + config.pageSizeLimit());
        }
        Filter filter = new Filter()
                .and("customerId = :customerId", "customerId", QueryParameters.uuid("customerId", customerId))
                .and("status = :status", "status", QueryParameters.oneOf("status", status, InvoiceStatus.class));
        Sort newestFirst = Sort.descending("createdAt").and("id");
        PanacheQuery<Invoice> query = Invoice.find(filter.where(), newestFirst, filter.parameters());
        LocalDate today = calendar.today();
        List<InvoiceView> items = query.page(io.quarkus.panache.common.Page.of(page, size)).<Invoice>list().stream()
                .map(invoice -> InvoiceView.of(invoice, today))
                .toList();
        return new Page<>(items, page, size, query.count());
    }

    private InvoiceView view(Invoice invoice) {
        return InvoiceView.of(invoice, calendar.today());
    }
}
