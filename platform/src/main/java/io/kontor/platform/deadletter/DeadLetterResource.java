package io.kontor.platform.deadletter;

import io.kontor.platform.audit.AdminActs;
import io.kontor.platform.deadletter.DeadLetterArchive.DeadLetter;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's view of this service's dead letters, and their replay after a fix. Every service has it (it comes with
 * the platform) under its own path, so through the gateway it is {@code /api/v1/<domain>/admin/dead-letters}; a service
 * lists and replays only what its own consumers parked, from its own dead-letter topic and in its own process
 * ({@link DeadLetterReplay}). Admins only: a replay re-delivers business events.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    /**
     * {@code <domain>.<aggregate>}, as ARCHITECTURE.md names topics; a dead-letter topic is not a topic to replay to.
     */
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    @Inject
    DeadLetterArchive archive;

    @Inject
    DeadLetterReplay replay;

    @Inject
    AdminActs acts;

    @GET
    public List<DeadLetterView> listDeadLetters(
            @QueryParam("topic") String topic, @QueryParam("consumer") String consumer) {
        return archive.read(checkedTopic(topic), consumer).stream()
                .map(DeadLetterView::of)
                .toList();
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReplayResult replayDeadLetters(@NotNull @Valid ReplayRequest request) {
        List<DeadLetter> letters = archive.read(checkedTopic(request.topic()), request.consumer()).stream()
                .filter(letter -> request.eventId() == null || request.eventId().equals(letter.eventId()))
                .toList();
        if (request.eventId() != null && letters.isEmpty()) {
            throw new NotFoundProblem("dead letter", request.eventId());
        }
        ReplayResult result = new ReplayResult(
                request.topic(),
                replay.replay(letters).stream().map(ReplayedView::of).toList());
        // Each letter is applied in its handler's own transaction (its inbox row): the act is recorded after them,
        // with what became of each.
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", request.topic());
        details.put("consumer", request.consumer());
        details.put("eventId", request.eventId());
        details.put("letters", result.replayed().size());
        result.replayed().forEach(letter -> details.put("outcome." + letter.eventId(), letter.outcome()));
        acts.changed("dead-letters.replayed", "topic:" + request.topic(), details);
        return result;
    }

    private static String checkedTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new InvalidFieldProblem(
                    "topic", "must name the topic whose dead letters to read, e.g. sales.customers");
        }
        if (!TOPIC.matcher(topic).matches() || topic.endsWith(".dlq")) {
            throw new InvalidFieldProblem(
                    "topic", "must name the topic the letters were read from, like sales.customers, not a .dlq topic");
        }
        return topic;
    }

    /**
     * @param topic the topic the letters were read from (they are kept on the service's own dead-letter topic)
     * @param consumer only what this consumer parked ({@code <service>/<Handler>.<method>}); all of this service's when
     *     absent
     * @param eventId only the dead letter of this {@code ce_id}; all when absent
     */
    public record ReplayRequest(@NotBlank String topic, String consumer, String eventId) {}

    public record ReplayResult(String topic, List<ReplayedView> replayed) {}

    /**
     * A replayed dead letter: {@code APPLIED} now, {@code ALREADY_APPLIED} before, {@code PARKED_AGAIN} after failing
     * once more, {@code NO_HANDLER} when its consumer no longer exists.
     */
    public record ReplayedView(String eventId, String type, String consumer, DeadLetterReplay.Outcome outcome) {

        static ReplayedView of(DeadLetterReplay.Replayed replayed) {
            DeadLetter letter = replayed.letter();
            return new ReplayedView(
                    letter.eventId(),
                    letter.headers().get(CloudEventHeaders.TYPE),
                    letter.consumer(),
                    replayed.outcome());
        }
    }

    public record DeadLetterView(
            String eventId,
            String type,
            String subject,
            String key,
            String consumer,
            String error,
            int partition,
            long offset,
            Instant parkedAt) {

        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(
                    letter.eventId(),
                    letter.headers().get(CloudEventHeaders.TYPE),
                    letter.headers().get(CloudEventHeaders.SUBJECT),
                    letter.key(),
                    letter.consumer(),
                    letter.error(),
                    letter.partition(),
                    letter.offset(),
                    letter.parkedAt());
        }
    }
}
