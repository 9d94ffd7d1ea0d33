package io.kontor.accounting.report;

import io.kontor.accounting.AccountingConfig;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Reports across customers: open items with ageing and DSO, as JSON or CSV. */
@Path("/reports")
@RolesAllowed({Roles.ACCOUNTING, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class ReportResource {

    @Inject
    BusinessCalendar calendar;

    @Inject
    AccountingConfig config;

    @GET
    @Path("/open-items")
    @Produces(MediaType.APPLICATION_JSON)
    public OpenItemsReport openItems() {
        LocalDate today = calendar.today();
        List<Invoice> receivable =
                Invoice.list("status in ?1 order by dueDate, invoiceNumber", OpenItemsReport.receivableStatuses());
        BigDecimal invoiced = Invoice.find(
                        "select coalesce(sum(i.grossTotal), 0) from Invoice i where i.status in ?1 and i.currency = ?2"
                                + " and i.issueDate > ?3 and i.issueDate <= ?4",
                        List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID),
                        config.currency(),
                        today.minusDays(OpenItemsReport.DSO_WINDOW_DAYS),
                        today)
                .project(BigDecimal.class)
                .singleResult();
        return OpenItemsReport.of(today, config.currency(), receivable, invoiced.setScale(2));
    }

    @GET
    @Path("/open-items.csv")
    @Produces("text/csv")
    public Response openItemsCsv() {
        OpenItemsReport report = openItems();
        return Response.ok(Csv.of(OpenItemsReport.CSV_COLUMNS, report.csvRows()))
                .header("Content-Disposition", "attachment; filename=\"open-items-" + report.asOf() + ".csv\"")
                .build();
    }
}
