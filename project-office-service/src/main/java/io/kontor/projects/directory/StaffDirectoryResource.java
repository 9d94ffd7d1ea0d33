package io.kontor.projects.directory;

import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;

/** {@code GET /staff}: who the project office can staff projects with. */
@Path("/staff")
@RolesAllowed({Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class StaffDirectoryResource {

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

    @GET
    @Transactional
    public Page<StaffView> listStaff(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = StaffMember.findAll(Sort.by("lastName").and("firstName").and("employeeId"));
        var items = query.page(page, size).<StaffMember>list().stream()
                .map(StaffView::of)
                .toList();
        return new Page<>(items, page, size, query.count());
    }
}
