package io.kontor.gateway.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.gateway.routing.Downstream;
import io.kontor.gateway.routing.GatewayRoutes;
import io.kontor.gateway.routing.ServiceAnswer;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.CorrelationId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/customers/{id}/overview}: asks sales, accounting and the project office at the same time, with the
 * caller's own token - each service decides again what this caller may see - and answers with what came back.
 */
@Path("/api/v1/customers")
@Tag(name = "gateway", description = "Views the gateway composes from several services, and the live event stream")
public class CustomerOverviewResource {

    private final GatewayRoutes services;
    private final ObjectMapper json;

    CustomerOverviewResource(GatewayRoutes services, ObjectMapper json) {
        this.services = services;
        this.json = json;
    }

    @GET
    @Path("/{id}/overview")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SALES, Roles.ACCOUNTING, Roles.MIDDLE_OFFICE, Roles.ADMIN})
    @Operation(
            summary = "Customer, offers, invoices with open balance and dunning level, and projects in one answer",
            description = "Parts whose service is unavailable are null and named in warnings.")
    public Uni<CustomerOverview> overview(
            @PathParam("id") String id,
            @HeaderParam("Authorization") String authorization,
            @Context RoutingContext routing) {
        UUID customerId = parse(id);
        String correlationId = routing.get(CorrelationId.MDC_KEY);
        Future<Part> customer =
                part(Downstream.SALES, "/api/v1/sales/customers/" + customerId, authorization, correlationId);
        Future<Part> offers =
                part(Downstream.SALES, "/api/v1/sales/offers?customerId=" + customerId, authorization, correlationId);
        Future<Part> invoices = part(
                Downstream.ACCOUNTING,
                "/api/v1/accounting/invoices?customerId=" + customerId,
                authorization,
                correlationId);
        Future<Part> projects =
                part(Downstream.PROJECTS, "/api/v1/projects?customerId=" + customerId, authorization, correlationId);
        Future<CustomerOverview> overview = Future.join(customer, offers, invoices, projects)
                .map(all -> {
                    if (customer.result() instanceof Part.NotThere) {
                        throw new NotFoundProblem("customer", customerId);
                    }
                    return CustomerOverview.assemble(
                            customer.result(), offers.result(), invoices.result(), projects.result());
                });
        return Uni.createFrom().completionStage(overview.toCompletionStage());
    }

    /** Never fails: whatever goes wrong with one service becomes a {@link Part.Missing}. */
    private Future<Part> part(Downstream service, String uri, String authorization, String correlationId) {
        return services.get(service, uri, authorization, correlationId)
                .map(answer -> toPart(service, answer))
                .otherwise(failure -> new Part.Missing(service.serviceName(), failure.getMessage()));
    }

    private Part toPart(Downstream service, ServiceAnswer answer) {
        return switch (answer.status()) {
            case 200 -> {
                try {
                    yield new Part.Found(json.readTree(answer.body().getBytes()));
                } catch (IOException e) {
                    yield new Part.Missing(service.serviceName(), "answered something that is not JSON");
                }
            }
            case 404 -> new Part.NotThere();
            case 401, 403 -> new Part.Missing(service.serviceName(), "not visible with your role");
            default -> new Part.Missing(service.serviceName(), "answered " + answer.status());
        };
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem("id", "must be a UUID");
        }
    }
}
