package io.kontor.gateway.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.platform.security.CallerId;
import io.kontor.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/events/stream}: the domain events the caller may see, as server-sent events while they happen.
 * Each SSE event has the CloudEvent's id (for Last-Event-ID), its type as event name, and as data the CloudEvent in
 * JSON (structured mode: {@code id, type, source, subject, time, data}).
 */
@Path("/api/v1/events")
@Tag(name = "gateway")
public class EventStreamResource {

    @Inject
    EventWindow window;

    @Inject
    EventsConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    StreamLimits limits;

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({
        Roles.SALES,
        Roles.ACCOUNTING,
        Roles.HR,
        Roles.PROJECT_OFFICE,
        Roles.PRODUCT_DEVELOPMENT,
        Roles.LEGAL,
        Roles.PROCESS_OWNER,
        Roles.MIDDLE_OFFICE,
        Roles.ADMIN
    })
    @Operation(
            summary = "Live domain events the caller's role may see (text/event-stream)",
            description = "Reconnect with Last-Event-ID to get what was missed, as far as the gateway still holds it; "
                    + "an event named 'gap' says when it does not.")
    public Multi<OutboundSseEvent> stream(
            @Parameter(
                            description = "comma-separated: a domain (sales), an event (sales.offer-sent) or a type "
                                    + "(kontor.sales.offer-sent.v1); none: all the caller may see")
                    @QueryParam("types")
                    String types,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        TypeFilter filter = TypeFilter.of(types, EventVisibility.visibleDomains(identity.getRoles()));
        Runnable close = limits.open(java.util.Objects.requireNonNullElse(CallerId.of(identity), "anonymous"));
        Multi<OutboundSseEvent> events = Multi.createFrom()
                .<OutboundSseEvent>emitter(emitter -> {
                    Runnable unsubscribe = window.subscribe(lastEventId, new EventWindow.Listener() {
                        @Override
                        public void accept(StreamedEvent event) {
                            if (filter.test(event)) {
                                emitter.emit(toSse(sse, event));
                            }
                        }

                        @Override
                        public void gap(String missing) {
                            emitter.emit(sse.newEventBuilder()
                                    .name("gap")
                                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                    .data(json.createObjectNode()
                                            .put("lastEventId", missing)
                                            .put(
                                                    "detail",
                                                    "events after this one are no longer held; some may have been missed")
                                            .toString())
                                    .build());
                        }
                    });
                    // A client that went away ends its stream: from then on it costs nothing.
                    emitter.onTermination(unsubscribe);
                })
                .onOverflow()
                .buffer(config.clientBuffer());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom()
                .ticks()
                .every(config.keepAlive())
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy()
                .merging()
                .streams(events, keepAlive)
                .onTermination()
                .invoke(close);
    }

    private OutboundSseEvent toSse(Sse sse, StreamedEvent event) {
        ObjectNode cloudEvent = json.createObjectNode()
                .put("id", event.id())
                .put("type", event.type())
                .put("source", event.source())
                .put("subject", event.subject())
                .put("time", event.time());
        try {
            cloudEvent.set("data", json.readTree(event.data()));
        } catch (JsonProcessingException e) {
            cloudEvent.put("data", event.data());
        }
        return sse.newEventBuilder()
                .id(event.id())
                .name(event.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(cloudEvent.toString())
                .build();
    }
}
