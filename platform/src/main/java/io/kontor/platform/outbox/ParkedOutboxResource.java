package io.kontor.platform.outbox;

import io.kontor.platform.audit.AdminActs;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.outbox.ParkedOutbox.ParkedRow;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The operator's view of the events this service could not publish because Kafka refused them for good, next to the
 * consumer-side {@code /admin/dead-letters}; through the gateway {@code /api/v1/<domain>/admin/outbox/parked}. Admins
 * only: a retry publishes a business event, a discard drops one.
 */
@Path("/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ParkedOutboxResource {

    private static final Logger LOG = Logger.getLogger(ParkedOutboxResource.class);

    @Inject
    ParkedOutbox parked;

    @Inject
    OutboxRelay relay;

    @Inject
    AdminActs acts;

    @GET
    public Page<ParkedView> listParked(
            @QueryParam("topic") String topic,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String onTopic = topic == null || topic.isBlank() ? null : topic.strip();
        return new Page<>(
                parked.list(onTopic, page, size).stream().map(ParkedView::of).toList(),
                page,
                size,
                parked.count(onTopic));
    }

    @GET
    @Path("/{id}")
    public ParkedRow showParked(@PathParam("id") String id) {
        return parked.find(checkedId(id));
    }

    /** Once the cause is fixed (topic created, ACL granted, size limit raised): the relay sends it, then its key. */
    @POST
    @Path("/{id}/retry")
    @Transactional
    public ParkedView retryParked(@PathParam("id") String id, @Context SecurityContext caller) {
        ParkedRow row = parked.retry(checkedId(id));
        acts.changed(
                "outbox.parked-retried",
                "outbox-row:" + row.id(),
                Map.of(
                        "topic", row.topic(),
                        "eventId", String.valueOf(row.headers().get(CloudEventHeaders.ID)),
                        "type", String.valueOf(row.headers().get(CloudEventHeaders.TYPE))));
        relay.wakeUp();
        LOG.infof(
                "Parked outbox row %d (%s for %s on %s) put back into the outbox by %s",
                row.id(), row.headers().get(CloudEventHeaders.TYPE), row.key(), row.topic(), who(caller));
        return ParkedView.of(row);
    }

    /**
     * Drops the event for good. The log keeps what was dropped (ids, not the payload: it may be personal data, and
     * large) and why.
     */
    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public ParkedView discardParked(
            @PathParam("id") String id, @NotNull @Valid DiscardRequest request, @Context SecurityContext caller) {
        ParkedRow row = parked.discard(checkedId(id));
        acts.changed(
                "outbox.parked-discarded",
                "outbox-row:" + row.id(),
                Map.of(
                        "topic", row.topic(),
                        "eventId", String.valueOf(row.headers().get(CloudEventHeaders.ID)),
                        "type", String.valueOf(row.headers().get(CloudEventHeaders.TYPE)),
                        "reason", request.reason()));
        relay.wakeUp();
        LOG.warnf(
                "Parked outbox row %d (%s, ce_id %s, for %s on %s, parked for: %s) discarded by %s: %s",
                row.id(),
                row.headers().get(CloudEventHeaders.TYPE),
                row.headers().get(CloudEventHeaders.ID),
                row.key(),
                row.topic(),
                row.error(),
                who(caller),
                request.reason());
        return ParkedView.of(row);
    }

    private static long checkedId(String id) {
        try {
            long value = Long.parseLong(id.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldProblem("id", "must be the positive number of a parked outbox row");
    }

    private static String who(SecurityContext caller) {
        return caller.getUserPrincipal() == null
                ? "?"
                : caller.getUserPrincipal().getName();
    }

    /** @param reason why the event may be dropped; logged with the event */
    public record DiscardRequest(@NotBlank @Size(max = 1000) String reason) {}

    /** A parked row without its payload; {@code GET /admin/outbox/parked/{id}} shows that. */
    public record ParkedView(
            long id,
            String topic,
            String key,
            String eventId,
            String type,
            String error,
            int attempts,
            Instant createdAt,
            Instant parkedAt,
            long waiting) {

        static ParkedView of(ParkedRow row) {
            Map<String, String> headers = row.headers();
            return new ParkedView(
                    row.id(),
                    row.topic(),
                    row.key(),
                    headers.get(CloudEventHeaders.ID),
                    headers.get(CloudEventHeaders.TYPE),
                    row.error(),
                    row.attempts(),
                    row.createdAt(),
                    row.parkedAt(),
                    row.waiting());
        }
    }
}
