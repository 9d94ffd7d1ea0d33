package io.kontor.cli.legal;

import io.kontor.cli.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "legal",
        description = "The legal department: documents and the versions in force, reviews of deals, case files.",
        subcommands = {
            DocumentsCommand.class,
            ReviewsCommand.class,
            CasesCommand.class,
            PrivacyCommand.class,
            LegalCommand.Published.class
        })
public final class LegalCommand {

    @Command(name = "published", description = "The version of a kind in force today, as a web shop sees it.")
    static final class Published extends ApiCommand {
        @Parameters(paramLabel = "KIND")
        String kind;

        @Option(names = "--language", defaultValue = "de")
        String language;

        @Override
        protected void run() {
            output().object(gateway()
                    .get("/legal/published/" + kind, io.kontor.cli.Gateway.query("language", language)));
        }
    }
}
