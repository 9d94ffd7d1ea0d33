package io.kontor.cli.hr;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.cli.ApiCommand;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "contracts",
        description = "Employment contracts: show, sign, download.",
        subcommands = {ContractsCommand.Show.class, ContractsCommand.Sign.class, ContractsCommand.Document.class})
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
