package io.kontor.cli.projects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.CommandFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "risks",
        description = "A project's risks; a score (probability x impact) of 15 or more escalates.",
        subcommands = {RisksCommand.Add.class, RisksCommand.Update.class})
public final class RisksCommand {

    @Command(name = "add", description = "Records a risk.")
    static final class Add extends ApiCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String projectId;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--probability", required = true, description = "1 (rare) to 5 (almost certain)")
        int probability;

        @Option(names = "--impact", required = true, description = "1 (minor) to 5 (severe)")
        int impact;

        @Option(names = "--mitigation", required = true)
        String mitigation;

        @Option(names = "--owner", required = true)
        String owner;

        @Override
        protected void run() {
            ObjectNode risk = body().put("title", title)
                    .put("probability", scale("probability", probability))
                    .put("impact", scale("impact", impact))
                    .put("mitigation", mitigation)
                    .put("owner", owner);
            JsonNode recorded = gateway().post("/projects/" + projectId + "/risks", risk);
            output().done(
                            "Risk " + id(recorded) + " recorded, score "
                                    + recorded.path("score").asText("?")
                                    + (recorded.path("score").asInt(0) >= 15 ? " (escalated)." : "."),
                            recorded);
        }
    }

    @Command(name = "update", description = "Changes a risk's probability, impact, mitigation or owner.")
    static final class Update extends ApiCommand {
        @Parameters(index = "0", paramLabel = "PROJECT_ID")
        String projectId;

        @Parameters(index = "1", paramLabel = "RISK_ID")
        String riskId;

        @Option(names = "--probability")
        Integer probability;

        @Option(names = "--impact")
        Integer impact;

        @Option(names = "--mitigation")
        String mitigation;

        @Option(names = "--owner")
        String owner;

        @Override
        protected void run() {
            ObjectNode change = body();
            if (probability != null) {
                change.put("probability", scale("probability", probability));
            }
            if (impact != null) {
                change.put("impact", scale("impact", impact));
            }
            if (mitigation != null) {
                change.put("mitigation", mitigation);
            }
            if (owner != null) {
                change.put("owner", owner);
            }
            if (change.isEmpty()) {
                throw CommandFailure.usage("nothing to change: give --probability, --impact, --mitigation or --owner");
            }
            JsonNode risk = gateway().patch("/projects/" + projectId + "/risks/" + riskId, change);
            output().done(
                            "Risk " + riskId + " updated, score "
                                    + risk.path("score").asText("?") + ".",
                            risk);
        }
    }

    static int scale(String option, int value) {
        if (value < 1 || value > 5) {
            throw CommandFailure.usage("--" + option + " must be from 1 to 5, not " + value);
        }
        return value;
    }
}
