package io.kontor.cli.legal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Gateway;
import io.kontor.cli.ListCommand;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "cases",
        description = "Case files: matters with parties, documents, costs and deadlines (Fristen).",
        subcommands = {
            CasesCommand.ListCases.class,
            CasesCommand.Show.class,
            CasesCommand.Open.class,
            CasesCommand.Party.class,
            CasesCommand.Deadline.class,
            CasesCommand.Done.class,
            CasesCommand.Cost.class,
            CasesCommand.Upload.class,
            CasesCommand.Close.class,
            CasesCommand.Deadlines.class,
            CasesCommand.Calendar.class
        })
public final class CasesCommand {

    static final String BASE = "/legal/cases";

    /** {@code written-off} or {@code written_off} → {@code WRITTEN_OFF}. */
    private static String upper(String value) {
        return value == null
                ? null
                : value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    @Command(name = "list", description = "Lists matters, newest first, with the next deadline.")
    static final class ListCases extends ListCommand {
        @Option(names = "--kind", description = "COLLECTION, INVOICE_DISPUTE, LABOUR_LAW or OTHER")
        String kind;

        @Option(names = "--status", description = "OPEN or CLOSED")
        String status;

        @Override
        protected void run() {
            list(
                    BASE,
                    List.of(
                            Column.of("CASE", "caseNumber").whole(),
                            Column.of("KIND", "kind").whole(),
                            Column.of("TITLE", "title"),
                            Column.of("NEXT DEADLINE", "nextDeadline").whole(),
                            Column.of("STATUS", "status").whole(),
                            Column.of("ID", "id").whole().dispensable(1)),
                    "kind",
                    upper(kind),
                    "status",
                    upper(status));
        }
    }

    @Command(name = "show", description = "Shows a matter: parties, deadlines, documents, costs.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "CASE_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get(BASE + "/" + id));
        }
    }

    @Command(name = "open", description = "Opens a matter, optionally with an opponent and a first deadline.")
    static final class Open extends ApiCommand {
        @Option(names = "--kind", required = true, description = "COLLECTION, INVOICE_DISPUTE, LABOUR_LAW or OTHER")
        String kind;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--summary")
        String summary;

        @Option(names = "--opponent", description = "the other side's name")
        String opponent;

        @Option(names = "--claim", description = "the value in dispute, e.g. 12500.00")
        BigDecimal claim;

        @Option(names = "--deadline", paramLabel = "YYYY-MM-DD", description = "a first deadline")
        String deadline;

        @Option(names = "--deadline-title", defaultValue = "Frist")
        String deadlineTitle;

        @Override
        protected void run() {
            ObjectNode request = body().put("kind", upper(kind)).put("title", title);
            if (summary != null) {
                request.put("summary", summary);
            }
            if (claim != null) {
                request.put("claimAmount", claim);
            }
            if (opponent != null) {
                request.putArray("parties").addObject().put("role", "OPPONENT").put("name", opponent);
            }
            if (deadline != null) {
                request.putArray("deadlines")
                        .addObject()
                        .put("title", deadlineTitle)
                        .put("dueOn", deadline);
            }
            JsonNode matter = gateway().post(BASE, request);
            output().done("Case " + matter.path("caseNumber").asText() + " opened.", matter);
        }
    }

    @Command(name = "party", description = "Adds a party to a matter.")
    static final class Party extends ApiCommand {
        @Parameters(paramLabel = "CASE_ID")
        String id;

        @Option(names = "--role", required = true, description = "OPPONENT, COURT, COUNSEL, COLLECTOR, CLIENT, OTHER")
        String role;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--reference", description = "their file number or customer number")
        String reference;

        @Override
        protected void run() {
            ObjectNode request = body().put("role", upper(role)).put("name", name);
            if (reference != null) {
                request.put("reference", reference);
            }
            output().object(gateway().post(BASE + "/" + id + "/parties", request));
        }
    }

    @Command(name = "deadline", description = "Adds a deadline (today or later) to a matter.")
    static final class Deadline extends ApiCommand {
        @Parameters(paramLabel = "CASE_ID")
        String id;

        @Option(names = "--title", required = true)
        String title;

        @Option(names = "--due", required = true, paramLabel = "YYYY-MM-DD")
        String due;

        @Option(names = "--basis", description = "the rule, e.g. § 276 ZPO")
        String basis;

        @Override
        protected void run() {
            ObjectNode request = body().put("title", title).put("dueOn", due);
            if (basis != null) {
                request.put("basis", basis);
            }
            output().object(gateway().post(BASE + "/" + id + "/deadlines", request));
        }
    }

    @Command(name = "done", description = "Marks a deadline handled.")
    static final class Done extends ApiCommand {
        @Parameters(index = "0", paramLabel = "CASE_ID")
        String id;

        @Parameters(index = "1", paramLabel = "DEADLINE_ID")
        String deadlineId;

        @Override
        protected void run() {
            output().object(gateway().post(BASE + "/" + id + "/deadlines/" + deadlineId + "/done", null));
        }
    }

    @Command(name = "cost", description = "Records a cost of a matter.")
    static final class Cost extends ApiCommand {
        @Parameters(paramLabel = "CASE_ID")
        String id;

        @Option(names = "--kind", required = true, description = "COURT_FEE, LAWYER_FEE, COLLECTION_FEE or OTHER")
        String kind;

        @Option(names = "--description", required = true)
        String description;

        @Option(names = "--amount", required = true)
        BigDecimal amount;

        @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD")
        String on;

        @Override
        protected void run() {
            output().object(gateway()
                    .post(
                            BASE + "/" + id + "/costs",
                            body().put("kind", upper(kind))
                                    .put("description", description)
                                    .put("amount", amount)
                                    .put("incurredOn", on)));
        }
    }

    @Command(name = "upload", description = "Files a document in a matter (kept with its SHA-256).")
    static final class Upload extends ApiCommand {
        @Parameters(index = "0", paramLabel = "CASE_ID")
        String id;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Override
        protected void run() {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw CommandFailure.usage("no such file: " + file, e);
            } catch (IOException e) {
                throw CommandFailure.usage("cannot read " + file + ": " + e.getMessage(), e);
            }
            String name = file.getFileName().toString();
            String type;
            try {
                type = Files.probeContentType(file);
            } catch (IOException e) {
                type = null;
            }
            output().object(gateway()
                    .post(
                            BASE + "/" + id + "/documents",
                            Gateway.query("fileName", name),
                            content,
                            type == null ? "application/octet-stream" : type));
        }
    }

    @Command(name = "close", description = "Closes a matter with its result; a collection case tells accounting.")
    static final class Close extends ApiCommand {
        @Parameters(paramLabel = "CASE_ID")
        String id;

        @Option(
                names = "--result",
                required = true,
                description =
                        "PAID, PARTIALLY_PAID, WRITTEN_OFF (collection); SETTLED, WON, LOST, WITHDRAWN, NO_ACTION")
        String result;

        @Option(names = "--recovered", description = "what the debtor paid (PARTIALLY_PAID)")
        BigDecimal recovered;

        @Option(names = "--note")
        String note;

        @Override
        protected void run() {
            ObjectNode request = body().put("result", upper(result));
            if (recovered != null) {
                request.put("amountRecovered", recovered);
            }
            if (note != null) {
                request.put("note", note);
            }
            JsonNode matter = gateway().post(BASE + "/" + id + "/close", request);
            output().done(
                            "Case " + matter.path("caseNumber").asText() + " closed ("
                                    + matter.path("result").asText() + ").",
                            matter);
        }
    }

    @Command(name = "deadlines", description = "The open deadlines of all matters, the next first.")
    static final class Deadlines extends ListCommand {

        @Override
        protected void run() {
            list(
                    BASE + "/deadlines",
                    List.of(
                            Column.of("DUE", "dueOn").whole(),
                            Column.of("CASE", "caseNumber").whole(),
                            Column.of("DEADLINE", "title"),
                            Column.of("OVERDUE", "overdue").whole(),
                            Column.of("ID", "id").whole().dispensable(1)));
        }
    }

    @Command(name = "calendar", description = "The open deadlines as an iCalendar file (RFC 5545).")
    static final class Calendar extends ApiCommand {
        @Option(names = "--out", paramLabel = "FILE", description = "where it goes (- for standard output)")
        Path out;

        @Override
        protected void run() throws IOException {
            save(gateway().document(BASE + "/deadlines.ics", "text/calendar"), out, "fristen.ics");
        }
    }
}
