package io.kontor.sales.terms;

import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The AGB versions sales knows from legal, newest first; {@code inForce} marks the ones an offer sent today gets. */
@Path("/agb-versions")
@RolesAllowed({Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class AgbVersionResource {

    public record AgbVersionView(
            UUID documentId,
            String language,
            int version,
            String title,
            LocalDate effectiveFrom,
            String sha256,
            Instant publishedAt,
            boolean inForce) {}

    @Inject
    BusinessCalendar calendar;

    @GET
    @Transactional
    public Page<AgbVersionView> listAgbVersions(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        LocalDate today = calendar.today();
        return Paging.page(
                AgbVersion.<AgbVersion>findAll(Sort.by("language").and("effectiveFrom", Sort.Direction.Descending)),
                page,
                size,
                v -> new AgbVersionView(
                        v.key.documentId,
                        v.language,
                        v.key.version,
                        v.title,
                        v.effectiveFrom,
                        v.sha256,
                        v.publishedAt,
                        AgbVersion.inForce(v.language, today)
                                .map(current -> current.key.equals(v.key))
                                .orElse(false)));
    }
}
