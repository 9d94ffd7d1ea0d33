package io.kontor.cli.hr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "contracts",
        description = "Employment contracts: show, sign, extend a fixed term, download.",
        subcommands = {
            ContractsCommand.Show.class,
            ContractsCommand.Sign.class,
            ContractsCommand.Extend.class,
            ContractsCommand.Document.class
        })
public final class ContractsCommand {

    @Command(name = "show", description = "Shows a contract.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "CONTRACT_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get("/hr/contracts/" + id));
        }
    }

    @Command(name = "sign", description = "Records that the contract is signed (the employee is onboarded).")
    static final class Sign extends ApiCommand {
        @Parameters(paramLabel = "CONTRACT_ID")
        String id;

        @Override
        protected void run() {
            JsonNode contract = gateway().post("/hr/contracts/" + id + "/sign", null);
            output().done("Contract " + id + " is " + contract.path("status").asText("signed") + ".", contract);
        }
    }

    @Command(
            name = "extend",
            description = {
                "Extends a signed fixed term to a new end date (an amendment both sides sign today).",
                "Without an objective reason at most three times within two years, and only while the term runs"
                        + " (§14(2) TzBfG)."
            })
    static final class Extend extends ApiCommand {
        @Parameters(paramLabel = "CONTRACT_ID")
        String id;

        @Option(names = "--end-date", required = true, description = "the new last day, e.g. 2028-06-30")
        LocalDate endDate;

        @Option(names = "--reason", description = "the objective reason, when the term rests on one (§14(1) TzBfG)")
        String reason;

        @Override
        protected void run() {
            ObjectNode extension = body().put("endDate", endDate.toString());
            if (reason != null) {
                extension.put("fixedTermReason", reason);
            }
            JsonNode contract = gateway().post("/hr/contracts/" + id + "/extensions", extension);
            output().done(
                            "Contract " + id + " now ends on "
                                    + contract.path("currentEndDate").asText(endDate.toString()) + ".",
                            contract);
        }
    }

    @Command(name = "document", description = "Downloads the contract as PDF.")
    static final class Document extends ApiCommand {
        @Parameters(paramLabel = "CONTRACT_ID")
        String id;

        @Option(
                names = {"-f", "--file"},
                description = "where to save it (- for stdout)")
        Path file;

        @Override
        protected void run() throws IOException {
            save(
                    gateway().document("/hr/contracts/" + id + "/document", "application/pdf"),
                    file,
                    "contract-" + id + ".pdf");
        }
    }
}
