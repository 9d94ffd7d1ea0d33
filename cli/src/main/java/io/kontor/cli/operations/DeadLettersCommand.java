package io.kontor.cli.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.Gateway;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "dead-letters",
        description = {
            "Events a service's consumers could not apply, parked on the service's own <service>.dlq (admins).",
            "Replay hands them back to the handler that parked them, in the service: applied once, however often."
        },
        subcommands = {DeadLettersCommand.ListDeadLetters.class, DeadLettersCommand.Replay.class})
public final class DeadLettersCommand {

    static final List<Column> COLUMNS = List.of(
            Column.of("EVENT", "eventId").whole(),
            Column.of("TYPE", "type").dispensable(2),
            Column.of("CONSUMER", "consumer").dispensable(1),
            Column.of("ERROR", "error"));

    /** The service that parked them: each service keeps and replays only its own consumers' dead letters. */
    enum Service {
        sales,
        accounting,
        hr,
        projects
    }

    abstract static class OnTopic extends ApiCommand {
        @Option(names = "--service", required = true, description = "the consuming service: ${COMPLETION-CANDIDATES}")
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
}
