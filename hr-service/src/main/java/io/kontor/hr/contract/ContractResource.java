package io.kontor.hr.contract;

import io.kontor.hr.employee.Employee;
import io.kontor.platform.events.hr.ContractSigned;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

@Path("/contracts")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class ContractResource {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ContractDocument document;

    @GET
    @Path("/{id}")
    @Transactional
    public ContractView get(@PathParam("id") UUID id) {
        return ContractView.of(EmploymentContract.get(id));
    }

    @POST
    @Path("/{id}/sign")
    @Transactional
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    public ContractView sign(@PathParam("id") UUID id) {
        EmploymentContract contract = EmploymentContract.getForUpdate(id);
        contract.sign(Instant.now(clock));
        outbox.publish(new ContractSigned(
                contract.employeeId, contract.id, contract.contractType.name(), contract.startDate, contract.endDate));
        return ContractView.of(contract);
    }

    @GET
    @Path("/{id}/document")
    @Produces("application/pdf")
    @Transactional
    public Response document(@PathParam("id") UUID id) {
        EmploymentContract contract = EmploymentContract.get(id);
        byte[] pdf = document.print(contract, Employee.get(contract.employeeId));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"arbeitsvertrag-" + id + ".pdf\"")
                .build();
    }
}
