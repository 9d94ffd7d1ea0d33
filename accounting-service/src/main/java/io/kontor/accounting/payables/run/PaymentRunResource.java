package io.kontor.accounting.payables.run;

import io.kontor.accounting.payables.SupplierInvoice;
import io.kontor.platform.audit.AdminActs;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/payment-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class PaymentRunResource {

    @Inject
    AdminActs acts;

    @Inject
    PaymentRuns runs;

    @Inject
    SecurityIdentity identity;

    public record RunRequest(@NotNull LocalDate dueBy, LocalDate executionDate) {}

    public record Paid(
            UUID invoiceId,
            String supplier,
            String invoiceNumber,
            LocalDate dueDate,
            BigDecimal payableAmount,
            BigDecimal skontoTaken,
            BigDecimal amount,
            String endToEndId,
            String status) {}

    public record RunView(
            UUID id,
            String messageId,
            LocalDate executionDate,
            LocalDate dueBy,
            Instant createdAt,
            int transfers,
            BigDecimal total,
            String currency,
            String sha256,
            List<Paid> invoices) {

        static RunView of(PaymentRun run) {
            List<SupplierInvoice> invoices = SupplierInvoice.list("paymentRunId", Sort.ascending("dueDate"), run.id);
            return new RunView(
                    run.id,
                    run.messageId,
                    run.executionDate,
                    run.dueBy,
                    run.createdAt,
                    run.transfers,
                    run.total,
                    run.currency,
                    run.sha256,
                    invoices.stream()
                            .map(i -> new Paid(
                                    i.id,
                                    i.sellerName,
                                    i.invoiceNumber,
                                    i.dueDate,
                                    i.payableAmount,
                                    i.skontoTaken,
                                    i.paymentAmount,
                                    i.endToEndId,
                                    i.status.name()))
                            .toList());
        }
    }

    /**
     * Pays the approved invoices due by {@code dueBy} (and those whose Skonto deadline would pass before then) by one
     * SEPA credit transfer file executed on {@code executionDate} (default today).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    public Response run(@NotNull @Valid RunRequest request) {
        PaymentRun run = runs.run(request.dueBy(), request.executionDate(), CallerId.of(identity));
        // Who pays is compared with who entered each invoice (segregation of duties; process-service's report).
        acts.changed(
                "payment-run.created",
                "payment-run:" + run.id,
                java.util.Map.of("transfers", String.valueOf(run.transfers), "total", String.valueOf(run.total)));
        return Response.created(URI.create("/api/v1/accounting/payment-runs/" + run.id))
                .entity(RunView.of(run))
                .build();
    }

    @GET
    @Path("/{id}")
    public RunView paymentRun(@PathParam("id") UUID id) {
        return RunView.of(Found.byId(PaymentRun.class, id, "payment run"));
    }

    /** The SEPA credit transfer file (pain.001.001.09) to hand to the bank, as made. */
    @GET
    @Path("/{id}/pain001")
    @Produces(MediaType.APPLICATION_XML)
    public Response pain001(@PathParam("id") UUID id) {
        PaymentRun run = Found.byId(PaymentRun.class, id, "payment run");
        return Response.ok(run.pain001, MediaType.APPLICATION_XML)
                .header("X-Content-SHA256", run.sha256)
                .header("Content-Disposition", "attachment; filename=\"" + run.messageId + ".xml\"")
                .build();
    }
}
