package io.kontor.accounting.dunning;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/invoices/{id}/dunning-notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class DunningNoticeResource {

    public record NoticeView(UUID id, String invoiceNumber, int level, LocalDate issuedOn, BigDecimal fee, BigDecimal interest,
            LocalDate interestFrom, LocalDate interestTo, BigDecimal openPrincipal, BigDecimal totalOwed, String currency) {

        static NoticeView of(DunningNotice notice) {
            return new NoticeView(notice.id, notice.invoiceNumber, notice.level, notice.issuedOn, notice.fee, notice.interest,
                    notice.interestFrom, notice.interestTo, notice.openPrincipal, notice.totalOwed, notice.currency);
        }
    }

    /** The notices of an invoice, lowest level first. */
    @GET
    public List<NoticeView> dunningNotices(@PathParam("id") UUID invoiceId) {
        if (Invoice.findById(invoiceId) == null) {
            throw new NotFoundProblem("invoice", invoiceId);
        }
        return DunningNotice.<DunningNotice>list("invoiceId = ?1 order by level", invoiceId).stream().map(NoticeView::of).toList();
    }
}
