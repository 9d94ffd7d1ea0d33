package io.kontor.hr.employee;

import io.kontor.hr.HrConfig;
import io.kontor.hr.contract.ContractTerms;
import io.kontor.hr.contract.ContractType;
import io.kontor.hr.contract.ContractView;
import io.kontor.hr.contract.MinimumWageExemption;
import io.kontor.hr.contract.WrittenTerms;
import io.kontor.hr.personnel.Identity;
import io.kontor.hr.personnel.PostalAddress;
import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/applications/{id}/hire")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class HireResource {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    HrConfig config;

    private LocalDate today() {
        return calendar.today();
    }

    /**
     * {@code minimumWageExemption}: one of the cases of §22 MiLoG, with its evidence
     * ({@code minimumWageExemptionEvidence}, {@code unemployedSince}); see {@link MinimumWageExemption}.
     * {@code fixedTermReason}: the objective reason (§14(1) TzBfG) that allows a fixed term beyond two years or after
     * an earlier employment. {@code birthDate} or {@code taxId}: who the employee is (§14(2) sentence 2 TzBfG).
     */
    public record HireRequest(
            @NotNull LocalDate startDate,
            @NotNull ContractType contractType,
            LocalDate endDate,
            @Size(max = 500) String fixedTermReason,
            @NotNull BigDecimal annualSalary,
            @NotNull BigDecimal weeklyHours,
            @NotNull Integer probationMonths,
            UUID staffingRequestId,
            LocalDate birthDate,
            @Size(max = 20) String taxId,
            @NotNull @Valid PostalAddress employeeAddress,
            @Size(max = 500) String placeOfWork,
            @Size(max = 2000) String jobDescription,
            @Size(max = 2000) String overtime,
            @Size(max = 2000) String bonuses,
            @Size(max = 500) String paymentDue,
            @Size(max = 500) String paymentMethod,
            @Size(max = 2000) String workingTimeModel,
            @Size(max = 2000) String breaks,
            @Size(max = 2000) String restPeriods,
            @Size(max = 2000) String shiftWork,
            Integer workingDaysPerWeek,
            Integer annualLeaveDays,
            @Size(max = 2000) String training,
            @Size(max = 2000) String companyPension,
            @Size(max = 2000) String collectiveAgreements,
            MinimumWageExemption minimumWageExemption,
            @Size(max = 500) String minimumWageExemptionEvidence,
            LocalDate unemployedSince) {

        MinimumWageExemption.Claim exemption() {
            return minimumWageExemption == null
                    ? null
                    : new MinimumWageExemption.Claim(
                            minimumWageExemption, minimumWageExemptionEvidence, unemployedSince);
        }

        Identity identity() {
            return new Identity(birthDate, taxId);
        }

        /** As given; the company's defaults fill the gaps when the hire knows the opening. */
        WrittenTerms writtenTerms() {
            return new WrittenTerms(
                    placeOfWork,
                    jobDescription,
                    overtime,
                    bonuses,
                    paymentDue,
                    paymentMethod,
                    workingTimeModel,
                    breaks,
                    restPeriods,
                    shiftWork,
                    workingDaysPerWeek,
                    annualLeaveDays,
                    training,
                    companyPension,
                    collectiveAgreements);
        }

        ContractTerms terms() {
            return new ContractTerms(
                    contractType, startDate, endDate, fixedTermReason, annualSalary, weeklyHours, probationMonths);
        }
    }

    public record Hired(EmployeeView employee, ContractView contract) {}

    @Inject
    Hiring hiring;

    @POST
    @IdempotentCreate
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Hired.class)))
    public Response hire(@PathParam("id") UUID applicationId, @NotNull @Valid HireRequest request) {
        Hiring.Hire hire = hiring.hire(
                applicationId,
                request.terms(),
                request.identity(),
                request.employeeAddress(),
                request.writtenTerms(),
                request.staffingRequestId(),
                request.exemption());
        return Response.created(URI.create("/api/v1/hr/employees/" + hire.employee().id))
                .entity(new Hired(
                        EmployeeView.of(hire.employee()), ContractView.of(hire.contract(), today(), calendar.zone())))
                .build();
    }
}
