package io.kontor.accounting.datev;

import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/** The hand-off to the tax advisor: a DATEV Buchungsstapel of a period, alone or with the invoice PDFs. */
@Path("/datev")
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class DatevResource {

    @Inject
    DatevExport export;

    @GET
    @Path("/buchungsstapel")
    @Produces("text/csv")
    public Response buchungsstapel(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("chart") String chart) {
        Buchungsstapel batch = export.buchungsstapel(export.period(day("from", from), day("to", to), chart));
        return Response.ok(batch.bytes())
                .type("text/csv; charset=windows-1252")
                .header("Content-Disposition", "attachment; filename=\"" + batch.fileName() + "\"")
                .build();
    }

    @GET
    @Path("/export")
    @Produces("application/zip")
    public Response zip(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("chart") String chart) {
        DatevExport.Period period = export.period(day("from", from), day("to", to), chart);
        return Response.ok(export.zip(period))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"DATEV_" + period.from() + "_" + period.to() + ".zip\"")
                .build();
    }

    /** Read here rather than by JAX-RS, which answers a malformed query parameter with 404. */
    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.kontor.platform.problem.InvalidFieldProblem(field, "must be a day yyyy-mm-dd, is " + text);
        }
    }
}
