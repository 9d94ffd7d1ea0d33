package io.kontor.cli.productdevelopment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Gateway;
import io.kontor.cli.ListCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "requirements",
        description = "Requirements: versions, suspect links, test cases, the traceability matrix.",
        subcommands = {
            RequirementsCommand.ListRequirements.class,
            RequirementsCommand.Show.class,
            RequirementsCommand.Add.class,
            RequirementsCommand.Change.class,
            RequirementsCommand.Approve.class,
            RequirementsCommand.Reject.class,
            RequirementsCommand.Verify.class,
            RequirementsCommand.History.class,
            RequirementsCommand.Diff.class,
            RequirementsCommand.Links.class,
            RequirementsCommand.Confirm.class,
            RequirementsCommand.TestCases.class,
            RequirementsCommand.AddTest.class,
            RequirementsCommand.Run.class,
            RequirementsCommand.Matrix.class
        })
public final class RequirementsCommand {

    static final String BASE = "/product-development/requirements";

    static final List<Column> COLUMNS = List.of(
            Column.of("NUMBER", "number").whole(),
            Column.of("TITLE", "title"),
            Column.of("STATUS", "status").whole(),
            Column.of("V", "version").whole().dispensable(2),
            Column.of("PRIO", "priority").whole().dispensable(1),
            Column.of("SUSPECT", "suspect").whole().dispensable(3),
            Column.of("ID", "id").whole().dispensable(4));

    @Command(name = "list", description = "Lists requirements by number.")
    static final class ListRequirements extends ListCommand {
        @Option(names = "--status", description = "DRAFT, APPROVED, IMPLEMENTED, VERIFIED or REJECTED")
        String status;

        @Option(names = "--customer", paramLabel = "CUSTOMER_ID")
        String customerId;

        @Override
        protected void run() {
            list(BASE, COLUMNS, "status", status, "customerId", customerId);
        }
    }

    @Command(name = "show", description = "Shows a requirement.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "REQUIREMENT_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get(BASE + "/" + id));
        }
    }

    /** What filing and changing share: the content of a requirement and its links. */
    abstract static class Content extends ApiCommand {
        @Option(names = "--title")
        String title;

        @Option(names = "--description", description = "Markdown")
        String description;

        @Option(names = "--kind", description = "FUNCTIONAL, QUALITY or REGULATORY")
        String kind;

        @Option(names = "--priority", description = "MoSCoW: MUST, SHOULD, COULD or WONT")
        String priority;

        @Option(names = "--criterion", paramLabel = "TEXT", description = "an acceptance criterion (repeatable)")
        List<String> criteria;

        @Option(names = "--parent", paramLabel = "REQUIREMENT_ID")
        String parentId;

        @Option(names = "--depends-on", paramLabel = "REQUIREMENT_ID", description = "repeatable")
        List<String> dependsOn;

        /** The body: given options over {@code current} (null when filing). */
        ObjectNode merged(JsonNode current) {
            ObjectNode request = body();
            request.put("title", title != null ? title : text(current, "title"));
            request.put("description", description != null ? description : text(current, "description"));
            request.put("kind", upper(kind != null ? kind : text(current, "kind")));
            request.put("priority", upper(priority != null ? priority : text(current, "priority")));
            ArrayNode list = request.putArray("acceptanceCriteria");
            if (criteria != null) {
                criteria.forEach(list::add);
            } else if (current != null) {
                current.path("acceptanceCriteria").forEach(list::add);
            }
            request.put("parentId", parentId != null ? parentId : text(current, "parentId"));
            ArrayNode dependencies = request.putArray("dependsOn");
            if (dependsOn != null) {
                dependsOn.forEach(dependencies::add);
            } else if (current != null) {
                current.path("dependsOn").forEach(dependencies::add);
            }
            return Bodies.withoutNulls(request);
        }

        private static String text(JsonNode node, String field) {
            return node == null || node.path(field).isNull()
                    ? null
                    : node.path(field).asText(null);
        }

        private static String upper(String value) {
            return value == null ? null : value.toUpperCase(Locale.ROOT);
        }
    }

    @Command(name = "add", description = "Files a DRAFT requirement.")
    static final class Add extends Content {
        @Option(names = "--legal-source", paramLabel = "DOCUMENT", description = "a law or rule and its version")
        String legalSource;

        @Override
        protected void run() {
            if (title == null || kind == null || priority == null) {
                throw CommandFailure.usage("give --title, --kind and --priority");
            }
            ObjectNode request = merged(null);
            if (legalSource != null) {
                request.putObject("source").put("kind", "LEGAL").put("document", legalSource);
            }
            JsonNode filed = gateway().post(BASE, request);
            output().done("Requirement " + filed.path("number").asText() + " filed (" + id(filed) + ").", filed);
        }
    }

    @Command(
            name = "change",
            description = "Changes a requirement; an approved one gets a new version and its links turn suspect.")
    static final class Change extends Content {
        @Parameters(paramLabel = "REQUIREMENT_ID")
        String id;

        @Override
        protected void run() {
            JsonNode changed = gateway().put(BASE + "/" + id, merged(gateway().get(BASE + "/" + id)));
            output().done(
                            "Requirement " + changed.path("number").asText() + " is at version "
                                    + changed.path("version").asText()
                                    + (changed.path("suspect").asBoolean()
                                            ? "; its links are suspect until confirmed."
                                            : "."),
                            changed);
        }
    }

    @Command(name = "approve", description = "DRAFT -> APPROVED (needs acceptance criteria).")
    static final class Approve extends Transition {
        Approve() {
            super("approve", "approved");
        }
    }

    @Command(name = "reject", description = "DRAFT or APPROVED -> REJECTED.")
    static final class Reject extends Transition {
        Reject() {
            super("reject", "rejected");
        }
    }

    @Command(name = "verify", description = "IMPLEMENTED -> VERIFIED: every test case last passed, nothing suspect.")
    static final class Verify extends Transition {
        Verify() {
            super("verify", "verified");
        }
    }

    abstract static class Transition extends ApiCommand {
        private final String action;
        private final String done;

        @Parameters(paramLabel = "REQUIREMENT_ID")
        String id;

        Transition(String action, String done) {
            this.action = action;
            this.done = done;
        }

        @Override
        protected void run() {
            JsonNode requirement = gateway().post(BASE + "/" + id + "/" + action, null);
            output().done("Requirement " + requirement.path("number").asText() + " " + done + ".", requirement);
        }
    }

    @Command(name = "history", description = "The approved versions of a requirement.")
    static final class History extends ApiCommand {
        @Parameters(paramLabel = "REQUIREMENT_ID")
        String id;

        @Override
        protected void run() {
            output().list(
                            gateway().get(BASE + "/" + id + "/versions"),
                            List.of(
                                    Column.of("V", "version").whole(),
                                    Column.of("TITLE", "title"),
                                    Column.of("BY", "changedBy").dispensable(1),
                                    Column.of("AT", "changedAt").whole()));
        }
    }

    @Command(name = "diff", description = "What changed between two versions (default: the last change).")
    static final class Diff extends ApiCommand {
        @Parameters(paramLabel = "REQUIREMENT_ID")
        String id;

        @Option(names = "--from", paramLabel = "VERSION")
        Integer from;

        @Option(names = "--to", paramLabel = "VERSION")
        Integer to;

        @Override
        protected void run() {
            JsonNode diff = gateway().get(BASE + "/" + id + "/diff", Gateway.query("from", from, "to", to));
            if (output().format() != io.kontor.cli.Output.Format.table) {
                output().data(diff);
                return;
            }
            output().line(diff.path("number").asText() + ": version "
                    + diff.path("from").asText() + " -> " + diff.path("to").asText());
            for (JsonNode change : diff.path("changes")) {
                output().line("");
                output().line(change.path("field").asText() + ":");
                if (change.path("lines").isEmpty()) {
                    output().line("-" + change.path("before").asText());
                    output().line("+" + change.path("after").asText());
                }
                change.path("lines").forEach(line -> output().line(line.asText()));
            }
        }
    }

    @Command(name = "links", description = "A requirement's links and whether they are suspect.")
    static final class Links extends ApiCommand {
        @Parameters(paramLabel = "REQUIREMENT_ID")
        String id;

        @Override
        protected void run() {
            output().list(
                            gateway().get(BASE + "/" + id + "/links"),
                            List.of(
                                    Column.of("ID", "id").whole(),
                                    Column.of("KIND", "kind").whole(),
                                    Column.of("TARGET", "target"),
                                    Column.of("SUSPECT", "suspect").whole(),
                                    Column.of("SINCE", "suspectSince").whole().dispensable(1)));
        }
    }

    @Command(name = "confirm", description = "Confirms that a suspect link still fits.")
    static final class Confirm extends ApiCommand {
        @Parameters(index = "0", paramLabel = "REQUIREMENT_ID")
        String id;

        @Parameters(index = "1", paramLabel = "LINK_ID")
        String linkId;

        @Override
        protected void run() {
            JsonNode link = gateway().post(BASE + "/" + id + "/links/" + linkId + "/confirm", null);
            output().done("Link " + linkId + " confirmed.", link);
        }
    }

    @Command(name = "test-cases", description = "A requirement's test cases and their last result.")
    static final class TestCases extends ApiCommand {
        @Parameters(paramLabel = "REQUIREMENT_ID")
        String id;

        @Option(names = "--from-criteria", description = "first add one test case per acceptance criterion")
        boolean fromCriteria;

        @Override
        protected void run() {
            if (fromCriteria) {
                gateway().post(BASE + "/" + id + "/test-cases/from-acceptance-criteria", null);
            }
            output().list(
                            gateway().get(BASE + "/" + id + "/test-cases"),
                            List.of(
                                    Column.of("ID", "id").whole(),
                                    Column.of("TITLE", "title"),
                                    Column.of("LAST", "lastRun.result").whole()));
        }
    }

    @Command(name = "add-test", description = "Adds a test case to a requirement.")
    static final class AddTest extends ApiCommand {
        @Parameters(paramLabel = "REQUIREMENT_ID")
        String id;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--steps")
        String steps;

        @Override
        protected void run() {
            JsonNode testCase = gateway()
                    .post(
                            BASE + "/" + id + "/test-cases",
                            Bodies.withoutNulls(body().put("title", title).put("steps", steps)));
            output().done("Test case " + id(testCase) + " added.", testCase);
        }
    }

    @Command(name = "run", description = "Records a run of a test case: PASSED or FAILED.")
    static final class Run extends ApiCommand {
        @Parameters(index = "0", paramLabel = "REQUIREMENT_ID")
        String id;

        @Parameters(index = "1", paramLabel = "TEST_CASE_ID")
        String testCaseId;

        @Option(names = "--result", required = true, description = "PASSED or FAILED")
        String result;

        @Option(names = "--evidence", paramLabel = "URL")
        String evidence;

        @Override
        protected void run() {
            JsonNode run = gateway()
                    .post(
                            BASE + "/" + id + "/test-cases/" + testCaseId + "/runs",
                            Bodies.withoutNulls(body().put("result", result.toUpperCase(Locale.ROOT))
                                    .put("evidenceUrl", evidence)));
            output().done("Run recorded: " + run.path("result").asText() + ".", run);
        }
    }

    @Command(
            name = "matrix",
            description = {
                "The traceability matrix: offer line, items, tests, milestone, invoice, findings.",
                "e.g. kontor requirements matrix --customer ID --export markdown --out matrix.md"
            })
    static final class Matrix extends ApiCommand {
        @Option(names = "--customer", paramLabel = "CUSTOMER_ID")
        String customerId;

        @Option(names = "--project", paramLabel = "PROJECT_ID")
        String projectId;

        @Option(names = "--iteration", paramLabel = "ITERATION_ID")
        String iterationId;

        @Option(names = "--export", description = "csv, markdown or html instead of the table")
        String export;

        @Option(names = "--out", paramLabel = "FILE", description = "where the export goes (- for standard output)")
        Path out;

        @Override
        protected void run() throws IOException {
            var query = Gateway.query("customerId", customerId, "projectId", projectId, "iterationId", iterationId);
            if (export != null) {
                String format = export.toLowerCase(Locale.ROOT);
                String type = switch (format) {
                    case "csv" -> "text/csv";
                    case "markdown", "md" -> "text/markdown";
                    case "html" -> "text/html";
                    default -> throw CommandFailure.usage("--export is csv, markdown or html, not " + export);
                };
                String path = "/product-development/traceability/" + (format.equals("md") ? "markdown" : format);
                save(
                        gateway().document(path, query, type),
                        out,
                        "traceability." + (type.equals("text/markdown") ? "md" : format));
                return;
            }
            JsonNode matrix = gateway().get("/product-development/traceability", query);
            if (output().format() != io.kontor.cli.Output.Format.table) {
                output().data(matrix);
                return;
            }
            output().list(
                            matrix.path("rows"),
                            List.of(
                                    Column.of("NUMBER", "number").whole(),
                                    Column.of("TITLE", "title"),
                                    Column.of("STATUS", "status").whole(),
                                    Column.of("SOURCE", "source").dispensable(2),
                                    Column.of("SUSPECT", "suspectLinks").whole().dispensable(1)));
            for (JsonNode finding : matrix.path("findings")) {
                output().line(finding.path("kind").asText() + " "
                        + finding.path("subject").asText() + ": "
                        + finding.path("detail").asText());
            }
        }
    }
}
