package io.kontor.cli.processes;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.ListCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "audit",
        description =
                "The hash-chained audit trail: its entries, the recomputation of its chain, the compliance report.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Entries.class, AuditCommand.Compliance.class})
public final class AuditCommand {

    static final String BASE = "/processes/audit";

    @Command(
            name = "verify",
            description = "Recomputes the chain; exits 4 and names the first broken link when an entry was changed.")
    static final class Verify extends ApiCommand {
        @Override
        protected void run() {
            JsonNode verdict = gateway().get(BASE + "/verify");
            if (verdict.path("intact").asBoolean()) {
                output().done(
                                "Audit trail intact: "
                                        + verdict.path("verifiedEntries").asLong() + " entries verified.",
                                verdict);
                return;
            }
            JsonNode broken = verdict.path("firstBroken");
            throw CommandFailure.finding(
                    "Audit trail broken at entry " + broken.path("seq").asLong() + " ("
                            + broken.path("eventType").asText("-") + " "
                            + broken.path("eventId").asText("-") + "): "
                            + broken.path("reason").asText() + "; entries 1 to "
                            + verdict.path("verifiedEntries").asLong() + " hold.");
        }
    }

    @Command(name = "entries", description = "Lists the trail's entries in order.")
    static final class Entries extends ListCommand {
        @Option(names = "--type", description = "an event type or act, e.g. kontor.accounting.invoice-paid.v1")
        String type;

        @Option(names = "--subject", description = "the aggregate, e.g. an invoice id")
        String subject;

        @Override
        protected void run() {
            list(
                    BASE + "/entries",
                    List.of(
                            Column.of("SEQ", "seq").whole(),
                            Column.of("TYPE", "eventType"),
                            Column.of("SUBJECT", "subject").dispensable(3),
                            Column.of("KIND", "recordKind").whole().dispensable(2),
                            Column.of("KEEP UNTIL", "retainUntil").whole().dispensable(1),
                            Column.of("HASH", "hash").dispensable(4)),
                    "type",
                    type,
                    "subject",
                    subject);
        }
    }

    @Command(
            name = "compliance",
            description = "The compliance checks over the trail (segregation of duties, frozen invoice documents,"
                    + " required approvals); exits 4 when something was found.")
    static final class Compliance extends ApiCommand {
        @Override
        protected void run() {
            JsonNode report = gateway().get(BASE + "/compliance");
            JsonNode findings = report.path("findings");
            if (findings.isEmpty()) {
                output().done(
                                "No compliance findings in "
                                        + report.path("entriesExamined").asLong() + " entries examined.",
                                report);
                return;
            }
            output().list(
                            findings,
                            List.of(
                                    Column.of("RULE", "rule").whole(),
                                    Column.of("OBJECT", "object").dispensable(2),
                                    Column.of("FINDING", "description")));
            throw CommandFailure.finding(findings.size() + " compliance finding(s); -o json shows the evidence.");
        }
    }
}
