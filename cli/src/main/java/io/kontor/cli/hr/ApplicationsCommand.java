package io.kontor.cli.hr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "applications",
        description = "Applications for job openings: submit, advance, rank.",
        subcommands = {
            ApplicationsCommand.Submit.class,
            ApplicationsCommand.Advance.class,
            ApplicationsCommand.Rank.class
        })
public final class ApplicationsCommand {

    public enum Stage {
        SCREENING,
        INTERVIEW,
        OFFER,
        HIRED,
        REJECTED
    }

    @Command(name = "submit", description = "Submits an application (as the careers site would).")
    static final class Submit extends ApiCommand {
        @Option(names = "--job-opening", required = true, paramLabel = "JOB_OPENING_ID")
        String jobOpeningId;

        @Option(names = "--first-name", required = true)
        String firstName;

        @Option(names = "--last-name", required = true)
        String lastName;

        @Option(names = "--email", required = true)
        String email;

        @Option(names = "--cover-letter")
        String coverLetter;

        @Override
        protected void run() {
            ObjectNode application = body().put("jobOpeningId", jobOpeningId);
            application
                    .putObject("candidate")
                    .put("firstName", firstName)
                    .put("lastName", lastName)
                    .put("email", email);
            if (coverLetter != null) {
                application.put("coverLetter", coverLetter);
            }
            JsonNode received = gateway().post("/hr/applications", application);
            output().done(
                            "Application " + id(received) + " is "
                                    + received.path("status").asText("RECEIVED") + ".",
                            received);
        }
    }

    @Command(
            name = "advance",
            description = "Moves an application on: SCREENING, INTERVIEW, OFFER, HIRED, or REJECTED.")
    static final class Advance extends ApiCommand {
        @Parameters(paramLabel = "APPLICATION_ID")
        String id;

        @Option(names = "--stage", required = true)
        Stage stage;

        @Override
        protected void run() {
            JsonNode application =
                    gateway().post("/hr/applications/" + id + "/advance", body().put("stage", stage.name()));
            output().done(
                            "Application " + id + " is now "
                                    + application
                                            .path("stage")
                                            .asText(application.path("status").asText(stage.name())) + ".",
                            application);
        }
    }

    @Command(name = "rank", description = "Ranks the applications for a job opening by their mean interview score.")
    static final class Rank extends ApiCommand {
        @Parameters(paramLabel = "JOB_OPENING_ID")
        String jobOpeningId;

        static final List<Column> COLUMNS = List.of(
                Column.of("APPLICATION", "applicationId").whole(),
                Column.of("FIRST NAME", "candidate.firstName"),
                Column.of("LAST NAME", "candidate.lastName"),
                Column.of("STATUS", "status").whole(),
                Column.of("SCORE", "meanScore").amount());

        @Override
        protected void run() {
            output().list(gateway().get("/hr/job-openings/" + jobOpeningId + "/ranking"), COLUMNS);
        }
    }
}
