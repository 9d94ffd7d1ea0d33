package io.kontor.cli.projects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Gateway;
import io.kontor.cli.ListCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "projects",
        description = "Projects: kick-off, minutes, risks, status report.",
        subcommands = {
            ProjectsCommand.ListProjects.class,
            ProjectsCommand.Show.class,
            ProjectsCommand.Kickoff.class,
            ProjectsCommand.Minutes.class,
            RisksCommand.class,
            ProjectsCommand.StatusReport.class
        })
public final class ProjectsCommand {

    static final List<Column> COLUMNS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("NAME", "name"),
            Column.of("STATUS", "status").whole(),
            Column.of("START", "startDate").whole().dispensable(2),
            Column.of("MANAGER", "managerEmail").dispensable(1));

    @Command(name = "list", description = "Lists projects, optionally of one customer.")
    static final class ListProjects extends ListCommand {
        @Option(names = "--customer", paramLabel = "CUSTOMER_ID")
        String customerId;

        @Override
        protected void run() {
            list("/projects", COLUMNS, "customerId", customerId);
        }
    }

    @Command(name = "show", description = "Shows a project.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get("/projects/" + id));
        }
    }

    @Command(
            name = "kickoff",
            description = {
                "Schedules the kick-off meeting and/or downloads it as iCalendar (RFC 5545).",
                "e.g. kontor projects kickoff ID --at 2026-03-02T10:00+01:00 --participant anna@example.com --agenda Goals --ics"
            })
    static final class Kickoff extends ApiCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String id;

        @Option(
                names = "--at",
                paramLabel = "DATE_TIME",
                description = "start, ISO-8601 with offset (e.g. 2026-03-02T10:00+01:00)")
        String scheduledAt;

        @Option(
                names = "--duration",
                defaultValue = "60",
                paramLabel = "MINUTES",
                description = "(default: ${DEFAULT-VALUE})")
        int durationMinutes;

        @Option(names = "--participant", paramLabel = "EMAIL")
        List<String> participants = List.of();

        @Option(names = "--agenda", paramLabel = "ITEM")
        List<String> agenda = List.of();

        @Option(
                names = "--ics",
                arity = "0..1",
                fallbackValue = "",
                paramLabel = "FILE",
                description = "download the invitation (.ics) to FILE (default: kickoff-ID.ics)")
        String ics;

        @Override
        protected void run() throws IOException {
            if (scheduledAt == null && ics == null) {
                throw CommandFailure.usage("give --at to schedule the kick-off, --ics to download it, or both");
            }
            if (scheduledAt != null) {
                ObjectNode kickoff =
                        body().put("scheduledAt", dateTime(scheduledAt)).put("durationMinutes", durationMinutes);
                participants.forEach(kickoff.putArray("participants")::add);
                agenda.forEach(kickoff.putArray("agenda")::add);
                JsonNode scheduled = gateway().post("/projects/" + id + "/kickoff", kickoff);
                output().done("Kick-off scheduled for " + scheduledAt + ".", scheduled);
            }
            if (ics != null) {
                save(
                        gateway().document("/projects/" + id + "/kickoff.ics", "text/calendar"),
                        ics.isEmpty() ? null : Path.of(ics),
                        "kickoff-" + id + ".ics");
            }
        }

        private static String dateTime(String text) {
            try {
                return OffsetDateTime.parse(text).toString();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw CommandFailure.usage(
                            "--at '" + text + "' is not a date and time like 2026-03-02T10:00+01:00", e);
                }
            }
        }
    }

    @Command(
            name = "minutes",
            description = {
                "Shows the meeting minutes of a project, or records new ones with --date.",
                "An action item is DESCRIPTION;OWNER;DUE_DATE, e.g. --action \"Send offer;anna@example.com;2026-03-09\""
            })
    static final class Minutes extends ApiCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String id;

        @Option(names = "--date", description = "the meeting's day: records minutes")
        LocalDate meetingDate;

        @Option(names = "--attendee")
        List<String> attendees = List.of();

        @Option(names = "--decision")
        List<String> decisions = List.of();

        @Option(names = "--action", paramLabel = "DESCRIPTION;OWNER;DUE")
        List<String> actionItems = List.of();

        static final List<Column> COLUMNS = List.of(
                Column.of("DATE", "meetingDate").whole(),
                Column.of("ATTENDEES", "attendees"),
                Column.of("DECISIONS", "decisions"));

        @Override
        protected void run() {
            if (meetingDate == null) {
                if (!attendees.isEmpty() || !decisions.isEmpty() || !actionItems.isEmpty()) {
                    throw CommandFailure.usage("recording minutes needs --date");
                }
                output().list(gateway().get("/projects/" + id + "/minutes"), COLUMNS);
                return;
            }
            ObjectNode minutes = body().put("meetingDate", meetingDate.toString());
            attendees.forEach(minutes.putArray("attendees")::add);
            decisions.forEach(minutes.putArray("decisions")::add);
            ArrayNode items = minutes.putArray("actionItems");
            for (String item : actionItems) {
                String[] parts = item.split(";");
                if (parts.length != 3) {
                    throw CommandFailure.usage("--action '" + item + "' must be DESCRIPTION;OWNER;DUE_DATE");
                }
                try {
                    items.addObject()
                            .put("description", parts[0].strip())
                            .put("owner", parts[1].strip())
                            .put("dueDate", LocalDate.parse(parts[2].strip()).toString());
                } catch (DateTimeParseException e) {
                    throw CommandFailure.usage("--action '" + item + "': due date must be like 2026-03-09", e);
                }
            }
            JsonNode recorded = gateway().post("/projects/" + id + "/minutes", minutes);
            output().done("Minutes of " + meetingDate + " recorded.", recorded);
        }
    }

    @Command(
            name = "status-report",
            description = "The project's status: RAG, risks, overdue action items, milestones.")
    static final class StatusReport extends ApiCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String id;

        @Option(names = "--markdown", description = "the report as Markdown, to paste into a wiki or mail")
        boolean markdown;

        @Override
        protected void run() {
            if (markdown) {
                Gateway.Document report = gateway().document("/projects/" + id + "/status-report", "text/markdown");
                output().text(new String(report.content(), StandardCharsets.UTF_8));
                return;
            }
            output().object(gateway().get("/projects/" + id + "/status-report"));
        }
    }
}
