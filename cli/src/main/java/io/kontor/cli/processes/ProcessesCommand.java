package io.kontor.cli.processes;

import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.Gateway;
import io.kontor.cli.ListCommand;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "processes",
        description = "The back office's processes: figures, cases with steps and cycle times, maps, OCEL export.",
        subcommands = {
            ProcessesCommand.ListProcesses.class,
            ProcessesCommand.Show.class,
            ProcessesCommand.Cases.class,
            ProcessesCommand.Case.class,
            ProcessesCommand.Map.class,
            ProcessesCommand.Ocel.class,
            ProcessesCommand.Rebuild.class
        })
public final class ProcessesCommand {

    static final String BASE = "/processes";

    @Command(name = "list", description = "The monitored processes with open and closed cases.")
    static final class ListProcesses extends ApiCommand {
        @Override
        protected void run() {
            output().list(
                            gateway().get(BASE),
                            List.of(
                                    Column.of("PROCESS", "process").whole(),
                                    Column.of("OPEN", "open").whole(),
                                    Column.of("CLOSED", "closed").whole(),
                                    Column.of("P50", "endToEnd.p50").whole().dispensable(1),
                                    Column.of("TITLE", "title").dispensable(2)));
        }
    }

    @Command(name = "show", description = "A process's figures: cycle times per step and end to end, variants.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "PROCESS")
        String process;

        @Override
        protected void run() {
            output().object(gateway().get(BASE + "/" + process));
        }
    }

    @Command(name = "cases", description = "A process's cases, latest first.")
    static final class Cases extends ListCommand {
        @Parameters(paramLabel = "PROCESS")
        String process;

        @Option(names = "--status", description = "OPEN or CLOSED")
        String status;

        @Option(names = "--root", description = "the id of the offer, invoice or staffing request")
        String root;

        @Override
        protected void run() {
            list(
                    BASE + "/" + process + "/cases",
                    List.of(
                            Column.of("ID", "id").whole(),
                            Column.of("ROOT", "rootObject"),
                            Column.of("STATUS", "status").whole(),
                            Column.of("CYCLE TIME", "cycleTime").whole()),
                    "status",
                    status,
                    "root",
                    root);
        }
    }

    @Command(name = "case", description = "One case with its steps.")
    static final class Case extends ApiCommand {
        @Parameters(paramLabel = "CASE_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get(BASE + "/cases/" + id));
        }
    }

    @Command(name = "map", description = "A process map drawn from the code, as Mermaid or BPMN 2.0.")
    static final class Map extends ApiCommand {
        @Parameters(paramLabel = "PROCESS")
        String process;

        @Option(names = "--format", defaultValue = "mermaid", description = "mermaid or bpmn")
        String format;

        @Option(names = "--out", paramLabel = "FILE")
        Path out;

        @Override
        protected void run() throws Exception {
            boolean bpmn = format.equalsIgnoreCase("bpmn");
            Gateway.Document document = gateway()
                    .document(
                            BASE + "/maps/" + process + (bpmn ? "/bpmn" : "/mermaid"),
                            bpmn ? "application/xml" : "text/plain");
            if (out == null) {
                output().text(new String(document.content(), java.nio.charset.StandardCharsets.UTF_8));
            } else {
                save(document, out, process + (bpmn ? ".bpmn" : ".mmd"));
            }
        }
    }

    @Command(name = "ocel", description = "Exports the event log as OCEL 2.0 JSON for process-mining tools.")
    static final class Ocel extends ApiCommand {
        @Option(names = "--process")
        String process;

        @Option(names = "--out", paramLabel = "FILE")
        Path out;

        @Override
        protected void run() throws Exception {
            Gateway.Document document =
                    gateway().document(BASE + "/ocel", Gateway.query("process", process), "application/json");
            save(document, out, (process == null ? "kontor" : process) + ".ocel.json");
        }
    }

    @Command(name = "rebuild", description = "Replays the audit trail into the monitoring state.")
    static final class Rebuild extends ApiCommand {
        @Override
        protected void run() {
            output().done(
                            "Monitoring rebuilt from the audit trail.",
                            gateway().post(BASE + "/monitoring/rebuild", null));
        }
    }
}
