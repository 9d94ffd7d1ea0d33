package io.kontor.accounting.payables;

import io.kontor.accounting.payables.intake.ExtractedInvoice;
import io.kontor.accounting.payables.intake.Intake;
import io.kontor.platform.audit.AdminActs;
import io.kontor.platform.persistence.Filter;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/supplier-invoices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class SupplierInvoiceResource {

    @Inject
    Intake intake;

    @Inject
    Approval approval;

    @Inject
    SecurityIdentity identity;

    @Inject
    AdminActs acts;

    /**
     * The invoice file as a multipart form field {@code file}. Not @Transactional: a rejected file is kept in its own
     * transaction while the caller gets the 422.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SupplierInvoiceView.class)))
    public Response upload(@RestForm("file") FileUpload file, @RestForm("via") String via) {
        if (file == null) {
            throw new io.kontor.platform.problem.InvalidFieldProblem("file", "must be given");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String channel = "CLI".equalsIgnoreCase(via) ? "CLI" : "API";
        return created(intake.receive(
                new Intake.Upload(content, file.fileName(), file.contentType()), channel, CallerId.of(identity)));
    }

    /**
     * The invoice file as the request body (XML or PDF), for clients that send files as they are; {@code fileName}
     * names it.
     */
    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SupplierInvoiceView.class)))
    public Response uploadRaw(
            byte[] content,
            @QueryParam("fileName") @Size(max = 300) String fileName,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType) {
        return created(intake.receive(new Intake.Upload(content, fileName, contentType), "API", CallerId.of(identity)));
    }

    private Response created(SupplierInvoice invoice) {
        // Who entered an invoice and who approves it must be two people (segregation of duties, GoBD Rz. 100 ff.):
        // both acts go into the audit trail, where the compliance report compares them.
        acts.changed("supplier-invoice.entered", "supplier-invoice:" + invoice.id, java.util.Map.of("how", "upload"));
        return Response.created(URI.create(Intake.PATH + invoice.id))
                .entity(view(invoice.id))
                .build();
    }

    @GET
    public Page<SupplierInvoiceView> supplierInvoices(
            @QueryParam("status") SupplierInvoiceStatus status,
            @QueryParam("supplierId") UUID supplierId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        Filter filter = new Filter()
                .and("status = :status", "status", status)
                .and("supplierId = :supplierId", "supplierId", supplierId);
        return Paging.page(
                SupplierInvoice.find(filter.where(), Sort.descending("receivedAt"), filter.parameters()),
                page,
                size,
                (SupplierInvoice i) -> SupplierInvoiceView.of(i, null));
    }

    /** Payables not yet paid, by due date (the Skonto deadline where one is still open). */
    @GET
    @Path("/open")
    public Page<OpenPayable> open(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return Paging.page(approval.open(), page, size);
    }

    public record OpenPayable(
            UUID id,
            String supplier,
            String invoiceNumber,
            SupplierInvoiceStatus status,
            LocalDate dueDate,
            LocalDate skontoDeadline,
            BigDecimal skontoAmount,
            BigDecimal payableAmount,
            String currency,
            boolean held) {}

    @GET
    @Path("/{id}")
    public SupplierInvoiceView supplierInvoice(@PathParam("id") UUID id) {
        return view(id);
    }

    /** The file as received, byte for byte; {@code X-Content-SHA256} is the hash taken on receipt. */
    @GET
    @Path("/{id}/original")
    @Produces(MediaType.WILDCARD)
    public Response original(@PathParam("id") UUID id) {
        SupplierInvoiceOriginal original = Found.byId(SupplierInvoiceOriginal.class, id, "supplier invoice");
        return Response.ok(original.content, original.contentType)
                .header("X-Content-SHA256", original.sha256)
                .header("Content-Disposition", "attachment; filename=\"" + original.fileName.replace("\"", "") + "\"")
                .build();
    }

    /** What a person read from an "other invoice" (a plain PDF). */
    public record ManualData(
            @NotBlank @Size(max = 300) String sellerName,
            @Size(max = 30) String sellerVatId,
            @Size(max = 50) String sellerTaxNumber,
            @Size(max = 300) String sellerAddress,
            @NotBlank @Size(max = 200) String invoiceNumber,
            @NotNull LocalDate issueDate,
            LocalDate dueDate,
            @Size(max = 300) String buyerName,
            @Size(max = 200) String orderReference,

            @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", message = "must be an IBAN without spaces")
            String iban,

            @Size(max = 11) String bic,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid VatAmount> vat,
            @Min(0) @Max(365) Integer skontoDays,

            @DecimalMin("0") @Digits(integer = 2, fraction = 2)
            BigDecimal skontoPercent) {}

    public record VatAmount(
            @NotNull @DecimalMin("0") @Digits(integer = 2, fraction = 2)
            BigDecimal rate,

            @NotNull @Digits(integer = 15, fraction = 2) BigDecimal net,
            @NotNull @Digits(integer = 15, fraction = 2) BigDecimal vat) {}

    @POST
    @Path("/{id}/manual-data")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public SupplierInvoiceView enter(@PathParam("id") UUID id, @NotNull @Valid ManualData data) {
        SupplierInvoice invoice = Found.byId(SupplierInvoice.class, id, "supplier invoice");
        List<ExtractedInvoice.VatGroup> groups = data.vat().stream()
                .map(v -> new ExtractedInvoice.VatGroup(v.rate().signum() == 0 ? "Z" : "S", v.rate(), v.net(), v.vat()))
                .toList();
        List<ExtractedInvoice.Line> lines = data.vat().stream()
                .map(v -> new ExtractedInvoice.Line(
                        null,
                        "as on the invoice, " + v.rate().stripTrailingZeros().toPlainString() + " %",
                        BigDecimal.ONE,
                        "C62",
                        v.net(),
                        v.net(),
                        v.rate().signum() == 0 ? "Z" : "S",
                        v.rate()))
                .toList();
        BigDecimal net = data.vat().stream().map(VatAmount::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal vat = data.vat().stream().map(VatAmount::vat).reduce(BigDecimal.ZERO, BigDecimal::add);
        ExtractedInvoice.Totals totals =
                new ExtractedInvoice.Totals(net, null, null, net, vat, net.add(vat), null, net.add(vat));
        ExtractedInvoice extracted = new ExtractedInvoice(
                "MANUAL",
                data.invoiceNumber(),
                "380",
                data.issueDate(),
                data.dueDate(),
                "EUR",
                new ExtractedInvoice.Party(
                        data.sellerName(),
                        data.sellerVatId(),
                        data.sellerTaxNumber(),
                        data.sellerAddress(),
                        null,
                        null,
                        null),
                new ExtractedInvoice.Party(
                        data.buyerName() == null ? intake.us().name() : data.buyerName(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                data.orderReference(),
                null,
                null,
                data.iban(),
                data.bic(),
                data.skontoDays() == null || data.skontoPercent() == null
                        ? null
                        : new ExtractedInvoice.Skonto(data.skontoDays(), data.skontoPercent(), null),
                lines,
                groups,
                totals);
        intake.enterManually(invoice, extracted);
        acts.changed("supplier-invoice.entered", "supplier-invoice:" + id, java.util.Map.of("how", "manual-data"));
        return SupplierInvoiceView.of(invoice, SupplierInvoiceOriginal.findById(id));
    }

    /**
     * Approves the invoice for payment. Above {@code kontor.accounting.payables.second-approval-above} the approver
     * must be another person than the one who recorded it (four eyes).
     */
    @POST
    @Path("/{id}/approve")
    @Transactional
    public SupplierInvoiceView approve(@PathParam("id") UUID id) {
        SupplierInvoice invoice = Found.byId(SupplierInvoice.class, id, "supplier invoice");
        approval.approve(invoice, CallerId.of(identity));
        acts.changed(
                "supplier-invoice.approved",
                "supplier-invoice:" + id,
                java.util.Map.of(
                        "recordedBy", String.valueOf(invoice.recordedBy), "status", String.valueOf(invoice.status)));
        return view(id);
    }

    private SupplierInvoiceView view(UUID id) {
        return SupplierInvoiceView.of(
                Found.byId(SupplierInvoice.class, id, "supplier invoice"), SupplierInvoiceOriginal.findById(id));
    }
}
