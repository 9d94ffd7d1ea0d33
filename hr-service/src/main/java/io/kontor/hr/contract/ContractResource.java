package io.kontor.hr.contract;

import io.kontor.hr.HrConfig;
import io.kontor.hr.employee.Employee;
import io.kontor.platform.audit.AdminActs;
import io.kontor.platform.events.hr.ContractExtended;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/contracts")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class ContractResource {

    @Inject
    AdminActs acts;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ContractDocument document;

    @Inject
    HrConfig config;

    @Inject
    ContractMail mail;

    @Inject
    ContractSigning signing;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{id}")
    @Transactional
    public ContractView get(@PathParam("id") UUID id) {
        return view(Found.byId(EmploymentContract.class, id, "contract"));
    }

    /** {@code fixedTermReason}: needed when the contract's term rests on an objective reason (§14(1) TzBfG). */
    public record NewExtension(
            @NotNull LocalDate endDate, @Size(max = 500) String fixedTermReason) {}

    @POST
    @Path("/{id}/sign")
    @Transactional
    @APIResponse(
            responseCode = "200",
            description = "Signed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContractView.class)))
    @APIResponse(
            responseCode = "202",
            description = "Above the four-eyes salary threshold: waits for a second person of HR",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContractView.class)))
    public Response sign(@PathParam("id") UUID id) {
        EmploymentContract contract = Found.lockedById(EmploymentContract.class, id, "contract");
        Instant now = Instant.now(clock);
        if (contract.status == EmploymentContract.Status.DRAFT) {
            FixedTermRules.signing(contract.contractType, contract.startDate, today(now))
                    .ifPresent(refusal -> {
                        throw refusal.problem();
                    });
        }
        if (signing.needsApproval(contract)) {
            // Four eyes above the salary threshold: signed once a second person of HR approves (ContractSigning).
            signing.requestApproval(contract, CallerId.of(identity));
            return Response.accepted(view(contract)).build();
        }
        signing.sign(contract, now);
        return Response.ok(view(contract)).build();
    }

    /**
     * Extends a signed fixed term by an amendment that both sides sign today: the end date moves, nothing else (§14(2)
     * TzBfG).
     */
    @POST
    @Path("/{id}/extensions")
    @Transactional
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ContractView.class)))
    public Response extend(@PathParam("id") UUID id, @NotNull @Valid NewExtension request) {
        EmploymentContract contract = Found.lockedById(EmploymentContract.class, id, "contract");
        if (contract.contractType != ContractType.FIXED_TERM) {
            throw new ConflictProblem("contract " + id + " is " + contract.contractType + "; only a fixed term ends");
        }
        if (contract.status != EmploymentContract.Status.SIGNED) {
            throw new ConflictProblem("contract " + id + " is a " + contract.status
                    + "; a draft is not extended but signed with the right end date");
        }
        List<ContractExtension> extensions = ContractExtension.of(id);
        LocalDate currentEnd = contract.currentEndDate();
        Instant now = Instant.now(clock);
        FixedTermRules.extension(
                        contract.startDate,
                        currentEnd,
                        contract.fixedTermReason,
                        extensions.size(),
                        today(now),
                        request.endDate(),
                        request.fixedTermReason())
                .ifPresent(refusal -> {
                    throw refusal.problem();
                });
        ContractExtension extension = new ContractExtension();
        extension.id = UUID.randomUUID();
        extension.contractId = id;
        extension.number = extensions.size() + 1;
        extension.previousEndDate = currentEnd;
        extension.endDate = request.endDate();
        extension.fixedTermReason = request.fixedTermReason();
        extension.agreedOn = today(now);
        extension.createdAt = now;
        extension.persist();
        outbox.publish(new ContractExtended(
                contract.employeeId,
                contract.id,
                extension.number,
                extension.previousEndDate,
                extension.endDate,
                extension.agreedOn,
                extension.fixedTermReason != null && !extension.fixedTermReason.isBlank()));
        return Response.created(URI.create("/api/v1/hr/contracts/" + id))
                .entity(view(contract))
                .build();
    }

    private ContractView view(EmploymentContract contract) {
        return ContractView.of(contract, today(Instant.now(clock)), calendar.zone());
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, calendar.zone());
    }

    /** The mails of the signed contract to the employee, with their delivery records. */
    @GET
    @Path("/{id}/deliveries")
    @Transactional
    public List<MailDelivery> listContractDeliveries(@PathParam("id") UUID id) {
        Found.byId(EmploymentContract.class, id, "contract");
        return mail.deliveries(id);
    }

    @GET
    @Path("/{id}/document")
    @Produces("application/pdf")
    @Transactional
    public Response document(@PathParam("id") UUID id) {
        EmploymentContract contract = Found.byId(EmploymentContract.class, id, "contract");
        byte[] pdf = document.print(contract, Found.byId(Employee.class, contract.employeeId, "employee"));
        acts.read(
                "employment-contract.document-read",
                "employment-contract:" + id,
                java.util.Map.of("employee", String.valueOf(contract.employeeId)));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"arbeitsvertrag-" + id + ".pdf\"")
                .build();
    }
}
