package io.kontor.cli.legal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.ListCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "privacy",
        description = "Data-subject requests (GDPR Art. 15-17) and the record of processing activities (Art. 30).",
        subcommands = {
            PrivacyCommand.ListRequests.class,
            PrivacyCommand.Register.class,
            PrivacyCommand.Answer.class,
            PrivacyCommand.Bundle.class,
            PrivacyCommand.Record.class
        })
public final class PrivacyCommand {

    static final String BASE = "/legal/privacy";

    @Command(name = "list", description = "Lists data-subject requests by deadline.")
    static final class ListRequests extends ListCommand {
        @Option(names = "--status", description = "OPEN or ANSWERED")
        String status;

        @Override
        protected void run() {
            list(
                    BASE + "/requests",
                    List.of(
                            Column.of("KIND", "kind").whole(),
                            Column.of("DEADLINE", "deadline").whole(),
                            Column.of("STATUS", "status").whole(),
                            Column.of("OVERDUE", "overdue").whole(),
                            Column.of("ID", "id").whole().dispensable(1)),
                    "status",
                    status == null ? null : status.toUpperCase(Locale.ROOT));
        }
    }

    @Command(name = "register", description = "Registers a request; at least one identifier is needed.")
    static final class Register extends ApiCommand {
        @Option(names = "--kind", required = true, description = "ACCESS, RECTIFICATION or ERASURE")
        String kind;

        @Option(names = "--name")
        String name;

        @Option(names = "--email")
        String email;

        @Option(names = "--customer", paramLabel = "CUSTOMER_NUMBER")
        String customerNumber;

        @Option(names = "--employee", paramLabel = "EMPLOYEE_NUMBER")
        String employeeNumber;

        @Option(names = "--application", paramLabel = "APPLICATION_ID", description = "a candidate's application")
        String applicationId;

        @Option(names = "--details")
        String details;

        @Option(names = "--received-on", paramLabel = "YYYY-MM-DD")
        String receivedOn;

        @Override
        protected void run() {
            ObjectNode request = body().put("kind", kind.toUpperCase(Locale.ROOT));
            ObjectNode subject = request.putObject("subject");
            putIfSet(subject, "name", name);
            putIfSet(subject, "email", email);
            putIfSet(subject, "customerNumber", customerNumber);
            putIfSet(subject, "employeeNumber", employeeNumber);
            putIfSet(subject, "applicationId", applicationId);
            putIfSet(request, "details", details);
            putIfSet(request, "receivedOn", receivedOn);
            JsonNode registered = gateway().post(BASE + "/requests", request);
            output().done(
                            "Request " + registered.path("id").asText() + " registered, due "
                                    + registered.path("deadline").asText() + ".",
                            registered);
        }

        private static void putIfSet(ObjectNode node, String field, String value) {
            if (value != null) {
                node.put(field, value);
            }
        }
    }

    @Command(name = "answer", description = "Records the answer given to a request.")
    static final class Answer extends ApiCommand {
        @Parameters(paramLabel = "REQUEST_ID")
        String id;

        @Option(names = "--answer", required = true)
        String answer;

        @Override
        protected void run() {
            JsonNode answered = gateway().post(BASE + "/requests/" + id + "/answer", body().put("answer", answer));
            output().done("Request " + id + " answered.", answered);
        }
    }

    @Command(
            name = "bundle",
            description = "The answer bundle of a request: each service's answer, the services still missing, the"
                    + " deadline; as JSON (default) or the PDF for the person.")
    static final class Bundle extends ApiCommand {
        @Parameters(paramLabel = "REQUEST_ID")
        String id;

        @Option(names = "--as", defaultValue = "json", description = "json (default) or pdf")
        String as;

        @Option(names = "--out", paramLabel = "FILE", description = "where the PDF goes (- for standard output)")
        Path out;

        @Override
        protected void run() throws IOException {
            switch (as.toLowerCase(Locale.ROOT)) {
                case "json" -> output().data(gateway().get(BASE + "/requests/" + id + "/bundle"));
                case "pdf" ->
                    save(
                            gateway().document(BASE + "/requests/" + id + "/bundle/pdf", "application/pdf"),
                            out,
                            "dsgvo-" + id + ".pdf");
                default -> throw CommandFailure.usage("--as is json or pdf, not " + as);
            }
        }
    }

    @Command(name = "record", description = "The record of processing activities (Art. 30 GDPR), whole.")
    static final class Record extends ApiCommand {
        @Override
        protected void run() {
            output().data(gateway().get(BASE + "/processing-activities/export"));
        }
    }
}
