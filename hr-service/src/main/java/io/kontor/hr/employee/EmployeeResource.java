package io.kontor.hr.employee;

import io.kontor.hr.HrConfig;
import io.kontor.hr.contract.ContractView;
import io.kontor.hr.contract.EmploymentContract;
import io.kontor.platform.security.Roles;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/employees")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class EmployeeResource {

    @Inject
    Clock clock;

    @Inject
    HrConfig config;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(config.timeZone()));
    }

    public record EmployeeDetail(
            UUID id,
            String firstName,
            String lastName,
            String email,
            String jobTitle,
            String department,
            LocalDate startDate,
            UUID applicationId,
            List<ContractView> contracts) {}

    @GET
    @Transactional
    public Page<EmployeeView> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = Employee.findAll(Sort.by("lastName").and("firstName").and("id"));
        var items = query.page(page, size).<Employee>list().stream()
                .map(EmployeeView::of)
                .toList();
        return new Page<>(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public EmployeeDetail get(@PathParam("id") UUID id) {
        Employee employee = Employee.get(id);
        return new EmployeeDetail(
                employee.id,
                employee.firstName,
                employee.lastName,
                employee.email,
                employee.jobTitle,
                employee.department,
                employee.startDate,
                employee.applicationId,
                EmploymentContract.of(id).stream()
                        .map(c -> ContractView.of(c, today(), config.timeZone()))
                        .toList());
    }
}
