package io.kontor.cli.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Gateway;
import io.kontor.cli.ListCommand;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "dead-letters",
        description = {
            "Events a service's consumers could not apply, parked on the service's own <service>.dlq (admins).",
            "Replay hands them back to the handler that parked them, in the service: applied once, however often.",
            "parked: events the service itself could not publish because Kafka refused them for good."
        },
        subcommands = {
            DeadLettersCommand.ListDeadLetters.class,
            DeadLettersCommand.Replay.class,
            DeadLettersCommand.Parked.class
        })
public final class DeadLettersCommand {

    static final List<Column> COLUMNS = List.of(
            Column.of("EVENT", "eventId").whole(),
            Column.of("TYPE", "type").dispensable(2),
            Column.of("CONSUMER", "consumer").dispensable(1),
            Column.of("ERROR", "error"));

    abstract static class OnTopic extends ApiCommand {
        @Option(
                names = "--service",
                converter = Service.Converter.class,
                required = true,
                description = "the consuming service: ${COMPLETION-CANDIDATES}")
        Service service;

        @Option(names = "--topic", required = true, description = "the original topic, e.g. projects.projects")
        String topic;

        @Option(
                names = "--consumer",
                description = "only this consumer's, e.g. accounting-service/MilestoneCompletedHandler.on")
        String consumer;

        String path(String rest) {
            return "/" + service + "/admin/dead-letters" + rest;
        }
    }

    @Command(name = "list", description = "Lists the dead letters of a topic that a service parked.")
    static final class ListDeadLetters extends OnTopic {
        @Override
        protected void run() {
            output().list(gateway().get(path(""), Gateway.query("topic", topic, "consumer", consumer)), COLUMNS);
        }
    }

    @Command(
            name = "replay",
            description = "Replays them to their topic once their cause is fixed (all of them, or --event).")
    static final class Replay extends OnTopic {
        @Option(names = "--event", paramLabel = "EVENT_ID", description = "only the dead letter of this event id")
        String eventId;

        @Override
        protected void run() {
            ObjectNode request = body().put("topic", topic);
            if (consumer != null) {
                request.put("consumer", consumer);
            }
            if (eventId != null) {
                request.put("eventId", eventId);
            }
            JsonNode answer = gateway().post(path("/replay"), request);
            Map<String, Integer> outcomes = new TreeMap<>();
            answer.path("replayed")
                    .forEach(letter -> outcomes.merge(letter.path("outcome").asText(), 1, Integer::sum));
            output().done(
                            answer.path("replayed").size() + " dead letter(s) of " + topic + " replayed"
                                    + (outcomes.isEmpty() ? "." : ": " + outcomes + "."),
                            answer);
        }
    }

    static final List<Column> PARKED_COLUMNS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("TOPIC", "topic").dispensable(2),
            Column.of("KEY", "key").dispensable(3),
            Column.of("WAITING", "waiting").whole().dispensable(1),
            Column.of("ERROR", "error"));

    /**
     * Outbox rows Kafka refused (too large, topic not authorised or unknown); later events of the same key wait behind
     * each. Lists them; {@code retry} and {@code discard} resolve one.
     */
    @Command(
            name = "parked",
            description = {
                "Events a service could not publish: Kafka refused them for good (too large, topic not authorised or"
                        + " unknown).",
                "Later events of the same key wait behind each one until it is retried or discarded."
            },
            subcommands = {DeadLettersCommand.RetryParked.class, DeadLettersCommand.DiscardParked.class})
    static final class Parked extends ListCommand {
        // Not required by picocli: "parked retry --service ..." must not ask for the list's --service as well.
        @Option(
                names = "--service",
                converter = Service.Converter.class,
                description = "the publishing service: ${COMPLETION-CANDIDATES}")
        Service service;

        @Option(names = "--topic", description = "only those for this topic")
        String topic;

        @Override
        protected void run() {
            if (service == null) {
                throw CommandFailure.usage("dead-letters parked needs --service (or a subcommand: retry, discard)");
            }
            list(parkedPath(service, ""), PARKED_COLUMNS, "topic", topic);
        }
    }

    abstract static class OneParked extends ApiCommand {
        @Option(
                names = "--service",
                converter = Service.Converter.class,
                required = true,
                description = "the publishing service: ${COMPLETION-CANDIDATES}")
        Service service;

        @Parameters(paramLabel = "ID", description = "the parked row's id, from dead-letters parked")
        long id;

        String path(String action) {
            return parkedPath(service, "/" + id + "/" + action);
        }
    }

    @Command(
            name = "retry",
            description =
                    "Sends a parked event again once the cause is fixed; the events of its key that waited follow.")
    static final class RetryParked extends OneParked {
        @Override
        protected void run() {
            JsonNode answer = gateway().post(path("retry"), null);
            output().done(
                            "Parked event " + id + " is back in the outbox of " + service + ", ahead of "
                                    + answer.path("waiting").asLong(0) + " waiting event(s) of its key.",
                            answer);
        }
    }

    @Command(
            name = "discard",
            description =
                    "Drops a parked event for good (the reason is logged); the events of its key that waited go on.")
    static final class DiscardParked extends OneParked {
        @Option(names = "--reason", required = true, description = "why it may be dropped; goes to the service's log")
        String reason;

        @Override
        protected void run() {
            JsonNode answer = gateway().post(path("discard"), body().put("reason", reason));
            output().done("Parked event " + id + " discarded.", answer);
        }
    }

    private static String parkedPath(Service service, String rest) {
        return "/" + service + "/admin/outbox/parked" + rest;
    }
}
