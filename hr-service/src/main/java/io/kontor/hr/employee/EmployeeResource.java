package io.kontor.hr.employee;

import io.kontor.hr.HrConfig;
import io.kontor.hr.contract.ContractView;
import io.kontor.hr.contract.EmploymentContract;
import io.kontor.hr.personnel.Identity;
import io.kontor.hr.personnel.LeavingReason;
import io.kontor.hr.personnel.PersonnelFileData;
import io.kontor.hr.personnel.PersonnelFiles;
import io.kontor.hr.personnel.PostalAddress;
import io.kontor.hr.privacy.EmployeeErasure;
import io.kontor.platform.audit.AdminActs;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Employees and their personnel files: hr and admin only. The sensitive fields (identity, social-security number, IBAN,
 * address) are only in {@code /personnel-file}, decrypted for the request and nowhere else.
 */
@Path("/employees")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class EmployeeResource {

    @Inject
    AdminActs acts;

    @Inject
    BusinessCalendar calendar;

    /** {@code POST /employees}: someone already employed when Kontor came, or who worked here before. */
    public record ExistingEmployee(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String jobTitle,
            @Size(max = 200) String department,
            @NotNull LocalDate startDate,
            LocalDate birthDate,
            @Size(max = 20) String taxId,
            @Size(max = 20) String socialSecurityNumber,
            @Size(max = 42) String iban,
            @Valid PostalAddress address,
            LocalDate leavingDate,
            LeavingReason leavingReason) {}

    public record PersonnelFileView(
            UUID employeeId,
            LocalDate birthDate,
            String taxId,
            String socialSecurityNumber,
            String iban,
            PostalAddress address,
            LocalDate leavingDate,
            LeavingReason leavingReason,
            SignerData leavingSignedBy) {}

    public record SignerData(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String position) {}

    /**
     * {@code signedBy}: who signed the notice or agreement for the employer; they will sign the final reference.
     * {@code noticeReceivedOn}: for a DISMISSAL, the day the notice reached the employee (default: today).
     */
    public record Leaving(
            @NotNull LocalDate leavingDate,
            @NotNull LeavingReason reason,
            @NotNull @Valid SignerData signedBy,
            LocalDate noticeReceivedOn) {}

    @Inject
    Employees employees;

    @Inject
    EmployeeErasure erasure;

    @Inject
    SecurityIdentity identity;

    @Inject
    PersonnelFiles personnelFiles;

    @Inject
    Clock clock;

    @Inject
    HrConfig config;

    private LocalDate today() {
        return calendar.today();
    }

    @POST
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EmployeeView.class)))
    public Response importExisting(@NotNull @Valid ExistingEmployee request) {
        Employee employee = employees.importExisting(new Employees.Existing(
                request.firstName(),
                request.lastName(),
                request.email(),
                request.jobTitle(),
                request.department(),
                request.startDate(),
                new PersonnelFileData(
                        request.birthDate(),
                        request.taxId(),
                        request.socialSecurityNumber(),
                        request.iban(),
                        request.address()),
                request.leavingDate(),
                request.leavingReason()));
        return Response.created(URI.create("/api/v1/hr/employees/" + employee.id))
                .entity(EmployeeView.of(employee))
                .build();
    }

    @GET
    @Path("/{id}/personnel-file")
    @Transactional
    public PersonnelFileView personnelFile(@PathParam("id") UUID id) {
        Employee employee = Found.byId(Employee.class, id, "employee");
        // Art. 18(2) GDPR: restricted data is only stored; admin reads it for the audit the retention serves.
        if (employee.isRestricted() && !identity.hasRole(Roles.ADMIN)) {
            throw new ConflictProblem("the personnel file of employee " + id + " is restricted since "
                    + employee.restrictedAt + " (Art. 18 GDPR, §35(3) BDSG): kept only for the statutory retention,"
                    + " readable by admin for an audit");
        }
        // A personnel file is personal data only HR may see (§26 BDSG): who read it is part of the trail.
        acts.read(
                "personnel-file.read",
                "employee:" + id,
                java.util.Map.of("restricted", String.valueOf(employee.isRestricted())));
        return fileOf(employee);
    }

    /**
     * {@code POST /employees/{id}/erasure}: the former employee asks for erasure (Art. 17 GDPR). What no law keeps goes
     * now, the rest is restricted until the retention ends; the other services are told.
     */
    @POST
    @Path("/{id}/erasure")
    public EmployeeErasure.Status erase(@PathParam("id") UUID id) {
        return erasure.onRequest(id);
    }

    /** Where the file stands in its retention: when it is restricted and erased by itself, what is kept and why. */
    @GET
    @Path("/{id}/erasure")
    @Transactional
    public EmployeeErasure.Status erasureStatus(@PathParam("id") UUID id) {
        return erasure.status(Found.byId(Employee.class, id, "employee"));
    }

    /** Replaces identity, social-security number, IBAN and address; what is left out is removed. */
    @PUT
    @Path("/{id}/personnel-file")
    @Transactional
    public PersonnelFileView updatePersonnelFile(@PathParam("id") UUID id, @NotNull @Valid PersonnelFileData file) {
        return fileOf(employees.updateFile(id, file));
    }

    @POST
    @Path("/{id}/leaving")
    @Transactional
    public EmployeeView leave(@PathParam("id") UUID id, @NotNull @Valid Leaving request) {
        SignerData signer = request.signedBy();
        return EmployeeView.of(employees.leave(
                id,
                request.leavingDate(),
                request.reason(),
                request.noticeReceivedOn(),
                new Employees.Signer(signer.name(), signer.position())));
    }

    private PersonnelFileView fileOf(Employee employee) {
        Identity identity = personnelFiles.identity(employee);
        return new PersonnelFileView(
                employee.id,
                identity.birthDate(),
                identity.taxId(),
                personnelFiles.socialSecurityNumber(employee),
                personnelFiles.iban(employee),
                personnelFiles.address(employee),
                employee.leavingDate,
                employee.leavingReason,
                employee.leavingSignedByName == null
                        ? null
                        : new SignerData(employee.leavingSignedByName, employee.leavingSignedByPosition));
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
        Employee employee = Found.byId(Employee.class, id, "employee");
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
                        .map(c -> ContractView.of(c, today(), calendar.zone()))
                        .toList());
    }
}
