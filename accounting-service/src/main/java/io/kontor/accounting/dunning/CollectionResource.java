package io.kontor.accounting.dunning;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.report.Csv;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.events.accounting.InvoiceHandedToCollection;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * After level 3: the data for an online Mahnantrag (court dunning procedure) of every claim whose last notice's
 * deadline passed, and the hand-over to collection that stops dunning.
 */
@Path("/dunning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class CollectionResource {

    private static final Logger LOG = Logger.getLogger(CollectionResource.class);

    @Inject
    CompanyProfile seller;

    @Inject
    DunningConfig config;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    public record Handover(
            @NotBlank @Size(max = 200) String handedTo,
            @Size(max = 200) String reference) {}

    public record HandoverView(
            UUID invoiceId, String invoiceNumber, LocalDate handedOn, String handedTo, String reference) {}

    /** What was written off, by the kinds of debt, and the voucher it rests on. */
    public record WriteOffView(
            LocalDate writtenOffOn,
            String currency,
            BigDecimal principal,
            BigDecimal fees,
            BigDecimal interest,
            BigDecimal total,
            String reason,
            String voucher) {}

    /** A hand-over with legal's outcome once the case is closed, and the write-off it led to. */
    public record CollectionView(
            UUID invoiceId,
            String invoiceNumber,
            String invoiceStatus,
            LocalDate handedOn,
            String handedTo,
            String reference,
            UUID caseId,
            String caseNumber,
            String result,
            BigDecimal amountRecovered,
            LocalDate closedOn,
            WriteOffView writeOff) {}

    /** Level-3 claims whose deadline passed and that are not handed over yet, as JSON. */
    @GET
    @Path("/court-claims")
    public List<CourtClaim> courtClaims() {
        LocalDate today = calendar.today();
        List<CourtClaim> claims = new ArrayList<>();
        for (Invoice invoice : Invoice.<Invoice>list(
                "status in ?1 and dunningLevel = 3 and disputed = false order by invoiceNumber",
                List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID))) {
            if (CollectionHandover.findById(invoice.id) != null) {
                continue;
            }
            DunningNotice last = DunningNotice.<DunningNotice>find(
                            "invoiceId = ?1 and level = 3 and unwoundOn is null", invoice.id)
                    .firstResult();
            if (last == null || last.payBy == null || !today.isAfter(last.payBy)) {
                continue;
            }
            claims.add(claimOf(invoice, last));
        }
        return claims;
    }

    /** The same as CSV (UTF-8, comma, one header line), for the form's bulk upload or a collection agency. */
    @GET
    @Path("/court-claims.csv")
    @Produces("text/csv")
    public Response courtClaimsCsv() {
        List<List<Object>> rows = courtClaims().stream().map(CourtClaim::values).toList();
        return Response.ok(Csv.of(CourtClaim.COLUMNS, rows))
                .header("Content-Disposition", "attachment; filename=\"mahnantrag-" + calendar.today() + ".csv\"")
                .build();
    }

    /** Hands an invoice at level 3 over to collection (agency or court): dunning stops for it. */
    @POST
    @Path("/collection/{invoiceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public HandoverView handOver(@PathParam("invoiceId") UUID invoiceId, @NotNull @Valid Handover handover) {
        Invoice invoice = Found.byId(Invoice.class, invoiceId, "invoice");
        if (!invoice.status.isReceivable() || invoice.dunningLevel < DunningLadder.HIGHEST_LEVEL) {
            throw new ConflictProblem("invoice " + invoice.invoiceNumber + " is " + invoice.status + " at level "
                    + invoice.dunningLevel + "; only an open invoice dunned at level 3 is handed to collection");
        }
        if (CollectionHandover.findById(invoiceId) != null) {
            throw new ConflictProblem("invoice " + invoice.invoiceNumber + " is already handed to collection");
        }
        CollectionHandover row = new CollectionHandover();
        row.invoiceId = invoiceId;
        row.handedOn = calendar.today();
        row.handedTo = handover.handedTo();
        row.reference = handover.reference();
        row.createdAt = calendar.now();
        row.persist();
        var open = invoice.openClaim();
        DunningNotice last = DunningNotice.<DunningNotice>find(
                        "invoiceId = ?1 and level = 3 and unwoundOn is null", invoice.id)
                .firstResult();
        outbox.publish(new InvoiceHandedToCollection(
                invoice.id,
                invoice.invoiceNumber,
                invoice.customerId,
                invoice.buyer.customerNumber,
                invoice.buyer.name,
                invoice.currency,
                open.principal(),
                open.fees(),
                open.interest(),
                open.total(),
                invoice.issueDate,
                invoice.dueDate,
                invoice.dunningLevel,
                last == null ? null : last.payBy,
                row.handedOn,
                row.handedTo,
                row.reference));
        LOG.infof("invoice %s handed to collection (%s); dunning stops", invoice.invoiceNumber, handover.handedTo());
        return new HandoverView(invoiceId, invoice.invoiceNumber, row.handedOn, row.handedTo, row.reference);
    }

    /** The hand-over of an invoice with the outcome legal reported and what was written off (GoBD trail). */
    @GET
    @Path("/collection/{invoiceId}")
    @Transactional
    public CollectionView collection(@PathParam("invoiceId") UUID invoiceId) {
        CollectionHandover row = CollectionHandover.findById(invoiceId);
        Invoice invoice = Invoice.findById(invoiceId);
        if (row == null || invoice == null) {
            throw new NotFoundProblem("collection hand-over of invoice", invoiceId);
        }
        InvoiceWriteOff w = InvoiceWriteOff.findById(invoiceId);
        return new CollectionView(
                invoiceId,
                invoice.invoiceNumber,
                invoice.status.name(),
                row.handedOn,
                row.handedTo,
                row.reference,
                row.caseId,
                row.caseNumber,
                row.result,
                row.amountRecovered,
                row.closedOn,
                w == null
                        ? null
                        : new WriteOffView(
                                w.writtenOffOn,
                                w.currency,
                                w.principal,
                                w.fees,
                                w.interest,
                                w.total,
                                w.reason,
                                w.voucher));
    }

    private CourtClaim claimOf(Invoice invoice, DunningNotice last) {
        var open = invoice.openClaim();
        return new CourtClaim(
                invoice.id,
                seller.name(),
                seller.street(),
                seller.postalCode(),
                seller.city(),
                seller.country(),
                invoice.buyer.customerNumber,
                invoice.buyer.name,
                invoice.buyer.type == null ? "" : invoice.buyer.type.name(),
                invoice.buyer.street,
                invoice.buyer.postalCode,
                invoice.buyer.city,
                invoice.buyer.country,
                "Rechnung " + invoice.invoiceNumber + " vom " + invoice.issueDate,
                invoice.invoiceNumber,
                invoice.issueDate,
                invoice.dueDate,
                open.principal(),
                invoice.currency,
                DunningLadder.of(config).pointsAboveBaseRate(invoice.buyer.type),
                invoice.interestAccruedUntil == null ? null : invoice.interestAccruedUntil.plusDays(1),
                open.principal(),
                open.interest(),
                open.fees(),
                open.total(),
                invoice.dunningLevel,
                last.issuedOn,
                last.payBy);
    }
}
