package io.kontor.cli.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.DurationConverter;
import io.kontor.cli.Gateway;
import io.kontor.cli.Output;
import io.kontor.cli.ServerSentEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "events", description = "The live stream of domain events.", subcommands = EventsCommand.Tail.class)
public final class EventsCommand {

    @Command(
            name = "tail",
            description = {
                "Follows the live events your role may see, until Ctrl-C, --limit or --timeout.",
                "Table: one line per event (time, type, subject); json: one JSON document per line, for jq."
            })
    static final class Tail extends ApiCommand {
        @Option(
                names = "--type",
                split = ",",
                paramLabel = "TYPE",
                description = "only these types, e.g. kontor.sales.offer-accepted.v1 (repeat or comma-separate)")
        List<String> types = List.of();

        @Option(names = "--limit", paramLabel = "N", description = "stop after N events")
        Integer limit;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = {
                    "stop following after this long, e.g. 30s or 10m (checked at each keep-alive, 15 s);",
                    "with --limit, not seeing N events by then is exit code 3, for scripts that wait for an event"
                })
        Duration timeout;

        @Override
        protected void run() {
            if (limit != null && limit < 1) {
                throw CommandFailure.usage("--limit must be at least 1, not " + limit);
            }
            Output output = output();
            AtomicInteger seen = new AtomicInteger();
            boolean timedOut = gateway().stream(
                    "/events/stream",
                    Gateway.query("types", String.join(",", types)),
                    event -> {
                        show(output, event);
                        return limit == null || seen.incrementAndGet() < limit;
                    },
                    timeout);
            if (timedOut && limit != null) {
                throw CommandFailure.unavailable(
                        seen.get() + " of " + limit + " events within " + timeout.toSeconds() + " s", null);
            }
        }

        static void show(Output output, ServerSentEvent event) {
            JsonNode data = parse(event.data());
            switch (output.format()) {
                case table -> {
                    // The stream carries CloudEvents (structured JSON); fall back to the SSE fields for anything else.
                    String time = data.path("time").asText("");
                    String type = data.path("type").asText(event.event());
                    String subject = data.path("subject").asText(event.id() == null ? "" : event.id());
                    output.line(String.join("  ", time, type, subject).strip());
                }
                case json -> output.line(Output.compact(envelope(event, data)));
                case yaml -> {
                    output.line("---");
                    output.data(envelope(event, data));
                }
            }
        }

        private static JsonNode envelope(ServerSentEvent event, JsonNode data) {
            if (data.isObject()) {
                return data;
            }
            ObjectNode raw =
                    Gateway.JSON.createObjectNode().put("event", event.event()).put("id", event.id());
            raw.put("data", event.data());
            return raw;
        }

        private static JsonNode parse(String data) {
            try {
                return Gateway.JSON.readTree(data);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }
    }
}
