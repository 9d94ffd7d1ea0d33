package io.kontor.cli.productdevelopment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.ListCommand;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "backlog",
        description = "Backlogs: ordered items, iterations, OPEN -> IN_PROGRESS -> DONE.",
        subcommands = {
            BacklogCommand.ListBacklogs.class,
            BacklogCommand.Create.class,
            BacklogCommand.Items.class,
            BacklogCommand.Add.class,
            BacklogCommand.Move.class,
            BacklogCommand.Start.class,
            BacklogCommand.Done.class,
            BacklogCommand.Plan.class,
            BacklogCommand.Iterations.class
        })
public final class BacklogCommand {

    static final String BASE = "/product-development/backlogs";

    @Command(name = "list", description = "Lists backlogs.")
    static final class ListBacklogs extends ListCommand {

        @Override
        protected void run() {
            list(
                    BASE,
                    List.of(
                            Column.of("ID", "id").whole(),
                            Column.of("NAME", "name"),
                            Column.of("ITEMS", "items").whole()));
        }
    }

    @Command(name = "create", description = "Opens a backlog.")
    static final class Create extends ApiCommand {
        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--project", paramLabel = "PROJECT_ID")
        String projectId;

        @Override
        protected void run() {
            JsonNode backlog = gateway()
                    .post(BASE, Bodies.withoutNulls(body().put("name", name).put("projectId", projectId)));
            output().done("Backlog " + id(backlog) + " opened.", backlog);
        }
    }

    @Command(name = "items", description = "A backlog's items in order.")
    static final class Items extends ApiCommand {
        @Parameters(paramLabel = "BACKLOG_ID")
        String backlogId;

        @Override
        protected void run() {
            output().list(
                            gateway().get(BASE + "/" + backlogId + "/items"),
                            List.of(
                                    Column.of("#", "position").whole(),
                                    Column.of("ID", "id").whole().dispensable(3),
                                    Column.of("KIND", "kind").whole(),
                                    Column.of("TITLE", "title"),
                                    Column.of("EST", "estimate").whole().dispensable(2),
                                    Column.of("STATUS", "status").whole()));
        }
    }

    @Command(name = "add", description = "Adds an item at the end of a backlog.")
    static final class Add extends ApiCommand {
        @Parameters(paramLabel = "BACKLOG_ID")
        String backlogId;

        @Option(names = "--kind", required = true, description = "EPIC, STORY, TASK or BUG")
        String kind;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--estimate", paramLabel = "POINTS")
        BigDecimal estimate;

        @Option(names = "--requirement", paramLabel = "REQUIREMENT_ID", description = "repeatable")
        List<String> requirements = List.of();

        @Option(names = "--iteration", paramLabel = "ITERATION_ID")
        String iterationId;

        @Option(names = "--milestone", paramLabel = "MILESTONE_ID", description = "the project milestone")
        String milestoneId;

        @Override
        protected void run() {
            ObjectNode item = body().put("kind", kind.toUpperCase(Locale.ROOT))
                    .put("title", title)
                    .put("estimate", estimate)
                    .put("iterationId", iterationId)
                    .put("milestoneId", milestoneId);
            requirements.forEach(item.putArray("requirementIds")::add);
            JsonNode added = gateway().post(BASE + "/" + backlogId + "/items", Bodies.withoutNulls(item));
            output().done(
                            "Item " + id(added) + " added at position "
                                    + added.path("position").asText() + ".",
                            added);
        }
    }

    @Command(name = "move", description = "Moves an item right before or right after another one.")
    static final class Move extends ApiCommand {
        @Parameters(index = "0", paramLabel = "BACKLOG_ID")
        String backlogId;

        @Parameters(index = "1", paramLabel = "ITEM_ID")
        String itemId;

        @Option(names = "--before", paramLabel = "ITEM_ID")
        String before;

        @Option(names = "--after", paramLabel = "ITEM_ID")
        String after;

        @Override
        protected void run() {
            if ((before == null) == (after == null)) {
                throw CommandFailure.usage("give either --before or --after");
            }
            JsonNode moved = gateway()
                    .post(
                            BASE + "/" + backlogId + "/items/" + itemId + "/move",
                            Bodies.withoutNulls(body().put("before", before).put("after", after)));
            output().done(
                            "Item " + itemId + " is now at position "
                                    + moved.path("position").asText() + ".",
                            moved);
        }
    }

    @Command(name = "start", description = "OPEN -> IN_PROGRESS.")
    static final class Start extends ApiCommand {
        @Parameters(index = "0", paramLabel = "BACKLOG_ID")
        String backlogId;

        @Parameters(index = "1", paramLabel = "ITEM_ID")
        String itemId;

        @Override
        protected void run() {
            JsonNode item = gateway().post(BASE + "/" + backlogId + "/items/" + itemId + "/start", null);
            output().done("Item " + itemId + " in progress.", item);
        }
    }

    @Command(name = "done", description = "IN_PROGRESS -> DONE (announced with its milestone and requirements).")
    static final class Done extends ApiCommand {
        @Parameters(index = "0", paramLabel = "BACKLOG_ID")
        String backlogId;

        @Parameters(index = "1", paramLabel = "ITEM_ID")
        String itemId;

        @Override
        protected void run() {
            JsonNode item = gateway().post(BASE + "/" + backlogId + "/items/" + itemId + "/complete", null);
            output().done("Item " + itemId + " done.", item);
        }
    }

    @Command(name = "plan", description = "Plans an iteration with a capacity.")
    static final class Plan extends ApiCommand {
        @Parameters(paramLabel = "BACKLOG_ID")
        String backlogId;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--from", required = true, paramLabel = "DATE")
        String startsOn;

        @Option(names = "--to", required = true, paramLabel = "DATE")
        String endsOn;

        @Option(names = "--capacity", required = true, paramLabel = "POINTS")
        BigDecimal capacity;

        @Override
        protected void run() {
            JsonNode iteration = gateway()
                    .post(
                            BASE + "/" + backlogId + "/iterations",
                            body().put("name", name)
                                    .put("startsOn", startsOn)
                                    .put("endsOn", endsOn)
                                    .put("capacity", capacity));
            output().done("Iteration " + id(iteration) + " planned.", iteration);
        }
    }

    @Command(name = "iterations", description = "A backlog's iterations with capacity and what is planned.")
    static final class Iterations extends ApiCommand {
        @Parameters(paramLabel = "BACKLOG_ID")
        String backlogId;

        @Override
        protected void run() {
            output().list(
                            gateway().get(BASE + "/" + backlogId + "/iterations"),
                            List.of(
                                    Column.of("ID", "id").whole(),
                                    Column.of("NAME", "name"),
                                    Column.of("FROM", "startsOn").whole(),
                                    Column.of("TO", "endsOn").whole(),
                                    Column.of("CAPACITY", "capacity").whole(),
                                    Column.of("PLANNED", "planned").whole()));
        }
    }
}
