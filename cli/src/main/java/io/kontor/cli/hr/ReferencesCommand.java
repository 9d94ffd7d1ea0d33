package io.kontor.cli.hr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "references",
        description = "Job references (Arbeitszeugnisse) for employees.",
        subcommands = {
            ReferencesCommand.ListReferences.class,
            ReferencesCommand.Create.class,
            ReferencesCommand.Document.class
        })
public final class ReferencesCommand {

    public enum Kind {
        INTERIM,
        FINAL
    }

    @Command(name = "list", description = "Lists every reference an employee was given, each version, oldest first.")
    static final class ListReferences extends ApiCommand {
        @Parameters(paramLabel = "EMPLOYEE_ID")
        String employeeId;

        static final List<Column> COLUMNS = List.of(
                Column.of("ID", "id").whole(),
                Column.of("KIND", "kind").whole(),
                Column.of("VERSION", "version").amount(),
                Column.of("ISSUED", "issuedAt").whole().dispensable(1));

        @Override
        protected void run() {
            output().list(gateway().get("/hr/employees/" + employeeId + "/references"), COLUMNS);
        }
    }

    @Command(
            name = "create",
            description = {
                "Writes a reference from grades 1 (best) to 5 in the customary phrasing.",
                "e.g. kontor references create EMPLOYEE_ID --kind FINAL --performance 1 --expertise 2 --reliability 1 --conduct 1 --task \"Led the billing team\""
            })
    static final class Create extends ApiCommand {
        @Parameters(paramLabel = "EMPLOYEE_ID")
        String employeeId;

        @Option(names = "--kind", required = true, description = "INTERIM or FINAL")
        Kind kind;

        @Option(names = "--performance", required = true)
        int performance;

        @Option(names = "--expertise", required = true)
        int expertise;

        @Option(names = "--reliability", required = true)
        int reliability;

        @Option(names = "--conduct", required = true)
        int conduct;

        @Option(names = "--task", description = "a task of the employee (repeat for more)")
        List<String> tasks = List.of();

        @Override
        protected void run() {
            ObjectNode reference = body().put("kind", kind.name());
            ObjectNode ratings = reference.putObject("ratings");
            rate(ratings, "performance", performance);
            rate(ratings, "expertise", expertise);
            rate(ratings, "reliability", reliability);
            rate(ratings, "conduct", conduct);
            tasks.forEach(reference.putArray("tasks")::add);
            JsonNode created = gateway().post("/hr/employees/" + employeeId + "/references", reference);
            output().done(
                            "Wrote " + kind.name().toLowerCase() + " reference " + id(created) + ", version "
                                    + created.path("version").asText("?") + ".",
                            created);
        }

        private static void rate(ObjectNode ratings, String name, int grade) {
            if (grade < 1 || grade > 5) {
                throw CommandFailure.usage("--" + name + " must be a grade from 1 to 5, not " + grade);
            }
            ratings.put(name, grade);
        }
    }

    @Command(name = "document", description = "Downloads the reference as PDF.")
    static final class Document extends ApiCommand {
        @Parameters(paramLabel = "REFERENCE_ID")
        String id;

        @Option(
                names = {"-f", "--file"},
                description = "where to save it (- for stdout)")
        Path file;

        @Override
        protected void run() throws IOException {
            save(
                    gateway().document("/hr/references/" + id + "/document", "application/pdf"),
                    file,
                    "reference-" + id + ".pdf");
        }
    }
}
