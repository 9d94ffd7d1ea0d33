package io.kontor.cli.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Gateway;
import io.kontor.cli.Output;
import io.kontor.cli.ServerSentEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "events", description = "The live stream of domain events.", subcommands = EventsCommand.Tail.class)
public final class EventsCommand {

    @Command(name = "tail", description = {"Follows the live events your role may see, until Ctrl-C.",
            "Table: one line per event (time, type, subject); json: one JSON document per line, for jq."})
    static final class Tail extends ApiCommand {
        @Option(names = "--type", split = ",", paramLabel = "TYPE",
                description = "only these types, e.g. kontor.sales.offer-accepted.v1 (repeat or comma-separate)")
        List<String> types = List.of();
        @Option(names = "--limit", paramLabel = "N", description = "stop after N events")
        Integer limit;

        @Override
        protected void run() {
            Output output = output();
            AtomicInteger seen = new AtomicInteger();
            gateway().stream("/events/stream", Gateway.query("types", String.join(",", types)), event -> {
                show(output, event);
                return limit == null || seen.incrementAndGet() < limit;
            });
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
            ObjectNode raw = Gateway.JSON.createObjectNode().put("event", event.event()).put("id", event.id());
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
