package io.kontor.hr.employee;

import io.kontor.hr.HrConfig;
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
import java.time.Clock;
import java.util.UUID;

/**
 * Who works here today, for the colleagues who need to find someone: name, title, department and nothing else. It is
 * the only part of HR that middle-office reads; pay, contracts, ratings and applications are for hr (§26 BDSG, Art.
 * 5(1)(c) GDPR: personnel data only for those whose task needs it).
 */
@Path("/directory")
@RolesAllowed({Roles.HR, Roles.MIDDLE_OFFICE, Roles.ADMIN})
public class StaffDirectoryResource {

    @Inject
    BusinessCalendar calendar;

    public record DirectoryEntry(UUID id, String firstName, String lastName, String jobTitle, String department) {

        static DirectoryEntry of(Employee employee) {
            return new DirectoryEntry(
                    employee.id, employee.firstName, employee.lastName, employee.jobTitle, employee.department);
        }
    }

    @Inject
    Clock clock;

    @Inject
    HrConfig config;

    @GET
    @Transactional
    public Page<DirectoryEntry> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        // Whoever has left is no colleague to look up any more; their last day still counts.
        var query = Employee.find(
                "leavingDate is null or leavingDate >= ?1",
                Sort.by("lastName").and("firstName").and("id"),
                calendar.today());
        var items = query.page(page, size).<Employee>list().stream()
                .map(DirectoryEntry::of)
                .toList();
        return new Page<>(items, page, size, query.count());
    }
}
