package io.kontor.platform.mail;

import io.kontor.platform.audit.AdminActs;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every service's outgoing mail for the operator: what failed, and a resend on demand (a new message with a new
 * Message-ID, pointing to the original). Through the gateway {@code /api/v1/<domain>/admin/mail/deliveries}. The
 * documents show their own deliveries ({@code GET /offers/{id}/deliveries}, ...).
 */
@Path("/admin/mail/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class MailDeliveryResource {

    @Inject
    MailOutbox mail;

    @Inject
    SecurityIdentity caller;

    @Inject
    AdminActs acts;

    @GET
    public List<MailDelivery> listDeliveries(
            @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return mail.list(status(status), limit);
    }

    @GET
    @Path("/{id}")
    public MailDelivery getDelivery(@PathParam("id") UUID id) {
        MailDelivery delivery = mail.get(id);
        // The message names its recipient and may carry personal data: who read it is part of the trail.
        acts.read(
                "mail.delivery-read",
                "mail-delivery:" + id,
                Map.of("documentType", String.valueOf(delivery.documentType())));
        return delivery;
    }

    @POST
    @Path("/{id}/resend")
    @Transactional
    public MailDelivery resendDelivery(@PathParam("id") UUID id) {
        MailDelivery resent = mail.resend(id, caller.getPrincipal().getName());
        acts.changed(
                "mail.resent",
                "mail-delivery:" + id,
                Map.of("resentAs", resent.id().toString()));
        return resent;
    }

    private static MailDelivery.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return MailDelivery.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem(
                    "status",
                    "one of "
                            + Arrays.stream(MailDelivery.Status.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
