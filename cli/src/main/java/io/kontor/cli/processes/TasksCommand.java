package io.kontor.cli.processes;

import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.ListCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "tasks",
        description = "Your task inbox across services: approvals (four eyes) and other human steps.",
        subcommands = {TasksCommand.ListTasks.class, TasksCommand.Approve.class, TasksCommand.Reject.class})
public final class TasksCommand {

    static final String BASE = "/processes/tasks";

    @Command(name = "list", description = "The tasks of your roles, earliest due first.")
    static final class ListTasks extends ListCommand {
        @Option(names = "--status", description = "OPEN (default), APPROVED, REJECTED or DONE (other human steps)")
        String status;

        @Option(names = "--subject", description = "only the tasks about this invoice, offer, bank entry, …")
        String subjectId;

        @Override
        protected void run() {
            list(
                    BASE,
                    List.of(
                            Column.of("ID", "id").whole(),
                            Column.of("KIND", "kind").whole().dispensable(3),
                            Column.of("ROLE", "assigneeRole").whole(),
                            Column.of("DUE", "dueAt").whole().dispensable(2),
                            Column.of("TITLE", "title"),
                            Column.of("LINK", "link").dispensable(1)),
                    "status",
                    status,
                    "subjectId",
                    subjectId);
        }
    }

    @Command(name = "approve", description = "Approves a task someone else requested (four eyes).")
    static final class Approve extends ApiCommand {
        @Parameters(paramLabel = "TASK_ID")
        String id;

        @Option(names = "--comment")
        String comment;

        @Override
        protected void run() {
            output().done(
                            "Task " + id + " approved.",
                            gateway().post(BASE + "/" + id + "/approve", body().put("comment", comment)));
        }
    }

    @Command(name = "reject", description = "Rejects a task someone else requested (four eyes).")
    static final class Reject extends ApiCommand {
        @Parameters(paramLabel = "TASK_ID")
        String id;

        @Option(names = "--comment", required = true)
        String comment;

        @Override
        protected void run() {
            output().done(
                            "Task " + id + " rejected.",
                            gateway().post(BASE + "/" + id + "/reject", body().put("comment", comment)));
        }
    }
}
