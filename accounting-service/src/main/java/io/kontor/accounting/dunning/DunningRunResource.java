package io.kontor.accounting.dunning;

import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

@Path("/dunning-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class DunningRunResource {

    @Inject
    DunningRun dunning;

    @Inject
    BusinessCalendar calendar;

    /** {@code {"asOf": "2030-07-01"}}; without asOf, today. */
    public record DunningRunRequest(LocalDate asOf) {}

    /**
     * Runs dunning as of a day. Not after today: a notice dated in the future would claim interest for days that have
     * not passed. An earlier day is allowed, to catch up a run that did not happen.
     */
    @POST
    public DunningRun.Result runDunning(DunningRunRequest request) {
        LocalDate today = calendar.today();
        LocalDate asOf = request == null || request.asOf() == null ? today : request.asOf();
        if (asOf.isAfter(today)) {
            throw new InvalidFieldProblem("asOf", "must not be after today (" + today + ")");
        }
        return dunning.run(asOf);
    }
}
