package io.kontor.projects.directory;

import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.kontor.projects.ProjectsConfig;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** {@code GET /staff}: who the project office can staff projects with: nobody past their last day of employment. */
@Path("/staff")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class StaffDirectoryResource {

    @Inject
    BusinessCalendar calendar;

    public record StaffView(
            UUID employeeId, String name, String email, String jobTitle, String department, LocalDate startDate) {

        static StaffView of(StaffMember member) {
            return new StaffView(
                    member.employeeId,
                    member.fullName(),
                    member.email,
                    member.jobTitle,
                    member.department,
                    member.startDate);
        }
    }

    @Inject
    Clock clock;

    @Inject
    ProjectsConfig config;

    @GET
    @Transactional
    public Page<StaffView> listStaff(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = StaffMember.find(
                "erasedOn is null and (leavingDate is null or leavingDate >= ?1)",
                Sort.by("lastName").and("firstName").and("employeeId"),
                calendar.today());
        var items = query.page(page, size).<StaffMember>list().stream()
                .map(StaffView::of)
                .toList();
        return new Page<>(items, page, size, query.count());
    }
}
