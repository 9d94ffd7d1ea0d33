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
            ReferencesCommand.Correct.class,
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
                "e.g. kontor references create EMPLOYEE_ID --kind INTERIM --performance 1 --expertise 2 --reliability 1 --conduct 1 --task \"Led the billing team\" --signer \"Hanna Haller\" --signer-position \"Head of HR\"",
                "A FINAL reference needs the leaving recorded; it is dated the last day and, without --signer, signed by whoever signed the leaving."
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

        @Option(names = "--signer", description = "who signs for the employer (with --signer-position)")
        String signer;

        @Option(names = "--signer-position", description = "the signer's position, e.g. \"Head of HR\"")
        String signerPosition;

        @Override
        protected void run() {
            ObjectNode reference = body().put("kind", kind.name());
            ObjectNode ratings = reference.putObject("ratings");
            rate(ratings, "performance", performance);
            rate(ratings, "expertise", expertise);
            rate(ratings, "reliability", reliability);
            rate(ratings, "conduct", conduct);
            tasks.forEach(reference.putArray("tasks")::add);
            signedBy(reference, signer, signerPosition);
            JsonNode created = gateway().post("/hr/employees/" + employeeId + "/references", reference);
            output().done(
                            "Wrote " + kind.name().toLowerCase() + " reference " + id(created) + ", version "
                                    + created.path("version").asText("?") + ".",
                            created);
        }
    }

    @Command(
            name = "correct",
            description = {
                "Corrects an issued reference: new grades or tasks, the same kind and date, a new version.",
                "e.g. kontor references correct REFERENCE_ID --performance 2 --expertise 2 --reliability 2 --conduct 1"
            })
    static final class Correct extends ApiCommand {
        @Parameters(paramLabel = "REFERENCE_ID")
        String id;

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

        @Option(names = "--signer", description = "who signs instead of the original's signer (with --signer-position)")
        String signer;

        @Option(names = "--signer-position", description = "the signer's position")
        String signerPosition;

        @Override
        protected void run() {
            ObjectNode correction = body();
            ObjectNode ratings = correction.putObject("ratings");
            rate(ratings, "performance", performance);
            rate(ratings, "expertise", expertise);
            rate(ratings, "reliability", reliability);
            rate(ratings, "conduct", conduct);
            tasks.forEach(correction.putArray("tasks")::add);
            signedBy(correction, signer, signerPosition);
            JsonNode created = gateway().post("/hr/references/" + id + "/corrections", correction);
            output().done(
                            "Corrected reference " + id + " as " + id(created) + ", dated "
                                    + created.path("datedOn").asText("?") + ".",
                            created);
        }
    }

    private static void rate(ObjectNode ratings, String name, int grade) {
        if (grade < 1 || grade > 5) {
            throw CommandFailure.usage("--" + name + " must be a grade from 1 to 5, not " + grade);
        }
        ratings.put(name, grade);
    }

    private static void signedBy(ObjectNode body, String signer, String position) {
        if ((signer == null) != (position == null)) {
            throw CommandFailure.usage("--signer and --signer-position go together");
        }
        if (signer != null) {
            body.putObject("signedBy").put("name", signer).put("position", position);
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
