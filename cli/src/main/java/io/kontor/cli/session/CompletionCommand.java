package io.kontor.cli.session;

import io.kontor.cli.ApiCommand;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

@Command(
        name = "completion",
        description = {
            "Prints a completion script for bash and zsh.",
            "bash: source <(kontor completion)   zsh: autoload -U +X bashcompinit && bashcompinit; source <(kontor completion)"
        })
public final class CompletionCommand extends ApiCommand {

    @Override
    protected void run() {
        output().text(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
    }
}
