package io.kontor.accounting.dunning;

import io.kontor.accounting.document.DunningNoticePdf;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/invoices/{id}/dunning-notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class DunningNoticeResource {

    @Inject
    DunningNoticeMail noticeMail;

    @Inject
    DunningConfig config;

    @Inject
    CompanyProfile seller;

    /**
     * A notice as the API shows it. {@code interestPeriods} cut the interest's days where the base rate changed, each
     * with its yearly rate (base rate + {@code interestPoints}, §288 BGB); {@code payBy} is the deadline the notice
     * set.
     */
    public record NoticeView(
            UUID id,
            String invoiceNumber,
            int level,
            String title,
            LocalDate issuedOn,
            BigDecimal fee,
            BigDecimal interest,
            LocalDate interestFrom,
            LocalDate interestTo,
            BigDecimal interestPoints,
            List<DefaultInterest.Stretch> interestPeriods,
            BigDecimal openPrincipal,
            BigDecimal totalOwed,
            LocalDate payBy,
            String currency,
            LocalDate unwoundOn) {}

    /** The notices of an invoice, lowest level first. */
    @GET
    @Operation(summary = "The reminder and dunning notices of an invoice, lowest level first")
    public List<NoticeView> dunningNotices(@PathParam("id") UUID invoiceId) {
        Invoice invoice = invoice(invoiceId);
        return DunningNotice.<DunningNotice>list("invoiceId = ?1 order by level, issuedOn", invoiceId).stream()
                .map(notice -> view(notice, invoice))
                .toList();
    }

    /** The mails of the invoice's dunning notices with their delivery records, oldest first. */
    @GET
    @Path("/deliveries")
    public List<MailDelivery> dunningNoticeDeliveries(@PathParam("id") UUID invoiceId) {
        Invoice invoice = invoice(invoiceId);
        return noticeMail.deliveries(DunningNotice.list("invoiceId = ?1 order by level", invoice.id));
    }

    @GET
    @Path("/{level}")
    @Operation(
            summary = "The notice of one level of an invoice: 1 reminder (Zahlungserinnerung), 2 and 3 dunning notices")
    @APIResponse(responseCode = "200", description = "The notice with its figures, interest periods and deadline")
    @APIResponse(responseCode = "404", description = "No such invoice, or no notice of this level was issued")
    public NoticeView dunningNotice(@PathParam("id") UUID invoiceId, @PathParam("level") int level) {
        Invoice invoice = invoice(invoiceId);
        return view(notice(invoice, level), invoice);
    }

    @GET
    @Path("/{level}/pdf")
    @Produces("application/pdf")
    @Operation(
            summary = "The notice of one level as a PDF letter in German (Zahlungserinnerung, 1. Mahnung, 2. Mahnung)",
            description =
                    "Seller, customer address, date, invoice number, open principal, fee, default interest with the "
                            + "§288 BGB rate and days, total to pay and deadline; the figures are those of the notice's JSON.")
    @APIResponse(responseCode = "200", description = "application/pdf")
    @APIResponse(responseCode = "404", description = "No such invoice, or no notice of this level was issued")
    public Response dunningNoticePdf(@PathParam("id") UUID invoiceId, @PathParam("level") int level) {
        Invoice invoice = invoice(invoiceId);
        byte[] pdf = letter(invoice, notice(invoice, level));
        return Response.ok(pdf)
                .header("Content-Disposition", "inline; filename=\"" + invoice.invoiceNumber + "-M" + level + ".pdf\"")
                .build();
    }

    /**
     * The notice as the PDF letter the customer gets, here and by mail (DunningNoticeMail). Not an endpoint: the
     * scheduled dunning run calls it without a caller, so the class's roles must not apply.
     */
    @PermitAll
    byte[] letter(Invoice invoice, DunningNotice notice) {
        NoticeView view = view(notice, invoice);
        return DunningNoticePdf.of(
                new DunningNoticePdf.Letter(
                        notice.level,
                        invoice.invoiceNumber,
                        invoice.issueDate,
                        invoice.dueDate,
                        invoice.buyer,
                        notice.issuedOn,
                        notice.openPrincipal,
                        notice.fee,
                        notice.interest,
                        view.interestPoints(),
                        view.interestPeriods(),
                        notice.totalOwed,
                        view.payBy(),
                        notice.currency,
                        config.businessFlatFee()),
                seller);
    }

    private static Invoice invoice(UUID invoiceId) {
        return Found.byId(Invoice.class, invoiceId, "invoice");
    }

    private static DunningNotice notice(Invoice invoice, int level) {
        return Found.or404(
                DunningNotice.<DunningNotice>find(
                                "invoiceId = ?1 and level = ?2 order by issuedOn desc", invoice.id, level)
                        .firstResultOptional(),
                "dunning notice of level " + level + " for invoice",
                invoice.invoiceNumber == null ? invoice.id : invoice.invoiceNumber);
    }

    /** Notices from before V9 lack points and deadline; those come from today's configuration then. */
    private NoticeView view(DunningNotice notice, Invoice invoice) {
        BigDecimal points = notice.interestPoints != null
                ? notice.interestPoints
                : DunningLadder.of(config).pointsAboveBaseRate(invoice.buyer.type);
        List<DefaultInterest.Stretch> periods = notice.interestFrom == null || notice.interestTo == null
                ? List.of()
                : DefaultInterest.stretches(
                        notice.interestFrom, notice.interestTo, points, BaseRateTable.parse(config.baseRates()));
        LocalDate payBy = notice.payBy != null ? notice.payBy : notice.issuedOn.plusDays(config.noticePaymentDays());
        return new NoticeView(
                notice.id,
                notice.invoiceNumber,
                notice.level,
                DunningNoticePdf.title(notice.level),
                notice.issuedOn,
                notice.fee,
                notice.interest,
                notice.interestFrom,
                notice.interestTo,
                points,
                periods,
                notice.openPrincipal,
                notice.totalOwed,
                payBy,
                notice.currency,
                notice.unwoundOn);
    }
}
