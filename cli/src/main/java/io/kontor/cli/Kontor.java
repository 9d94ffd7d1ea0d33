package io.kontor.cli;

import io.kontor.cli.accounting.InvoicesCommand;
import io.kontor.cli.accounting.SupplierInvoicesCommand;
import io.kontor.cli.events.EventsCommand;
import io.kontor.cli.hr.ApplicationsCommand;
import io.kontor.cli.hr.ContractsCommand;
import io.kontor.cli.hr.ReferencesCommand;
import io.kontor.cli.legal.LegalCommand;
import io.kontor.cli.operations.DeadLettersCommand;
import io.kontor.cli.operations.MailCommand;
import io.kontor.cli.processes.AuditCommand;
import io.kontor.cli.processes.ProcessesCommand;
import io.kontor.cli.processes.TasksCommand;
import io.kontor.cli.productdevelopment.BacklogCommand;
import io.kontor.cli.productdevelopment.RequirementsCommand;
import io.kontor.cli.projects.ProjectsCommand;
import io.kontor.cli.sales.CustomersCommand;
import io.kontor.cli.sales.OffersCommand;
import io.kontor.cli.sales.ProductsCommand;
import io.kontor.cli.session.CompletionCommand;
import io.kontor.cli.session.LoginCommand;
import io.kontor.cli.session.TokenCommand;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code kontor}: the back office from a terminal, through the gateway's public API. Each domain is a command
 * ({@code kontor invoices list --overdue}); {@code --output json|yaml} gives scripts the API's own answer.
 */
@Command(
        name = "kontor",
        mixinStandardHelpOptions = true,
        versionProvider = Kontor.Version.class,
        description = "The Kontor back office from the command line.",
        footer = {
            "",
            "Exit codes: 0 done, 1 wrong usage or local problem, 2 refused (4xx),",
            "3 platform failed or unreachable (5xx, no connection).",
            "Config: ~/.config/kontor/config.json, or the file KONTOR_CONFIG names;",
            "KONTOR_URL and KONTOR_TOKEN override it for one call.%n"
        },
        subcommands = {
            LoginCommand.class,
            TokenCommand.class,
            CustomersCommand.class,
            ProductsCommand.class,
            OffersCommand.class,
            InvoicesCommand.class,
            SupplierInvoicesCommand.class,
            ApplicationsCommand.class,
            ContractsCommand.class,
            ReferencesCommand.class,
            ProjectsCommand.class,
            RequirementsCommand.class,
            BacklogCommand.class,
            LegalCommand.class,
            ProcessesCommand.class,
            TasksCommand.class,
            AuditCommand.class,
            EventsCommand.class,
            DeadLettersCommand.class,
            MailCommand.class,
            CompletionCommand.class
        })
public final class Kontor implements Runnable {

    /** The width tables are made for, unless the terminal says otherwise. */
    public static final int DEFAULT_WIDTH = 80;

    @Option(
            names = {"-o", "--output"},
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            description = "table (default), json or yaml")
    Output.Format output = Output.Format.table;

    private final Map<String, String> env;
    private final Path home;
    private final Clock clock;
    private CommandLine commandLine;

    public Kontor(Map<String, String> env, Path home, Clock clock) {
        this.env = env;
        this.home = home;
        this.clock = clock;
    }

    public static void main(String[] args) {
        Kontor kontor =
                new Kontor(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemDefaultZone());
        System.exit(kontor.commandLine().execute(args));
    }

    /** The command line with kontor's exit codes and one-line errors; tests call {@code execute} on it. */
    public CommandLine commandLine() {
        if (commandLine == null) {
            commandLine = new CommandLine(this)
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    .setExecutionExceptionHandler(Kontor::failed)
                    .setParameterExceptionHandler(Kontor::misused);
            withHelp(commandLine);
        }
        return commandLine;
    }

    /** --help (and --version) on every command, not only on kontor itself. */
    private static void withHelp(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(Kontor::withHelp);
    }

    @Override
    public void run() {
        commandLine.usage(commandLine.getOut());
    }

    public Path configFile() {
        return Config.location(env, home);
    }

    public Config config() {
        return Config.read(configFile());
    }

    public Clock clock() {
        return clock;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The gateway from the config file, or from {@code KONTOR_URL}/{@code KONTOR_TOKEN} when they are set. */
    public Gateway gateway() {
        Config config = config();
        String url = firstSet(env.get("KONTOR_URL"), config.url());
        if (url == null) {
            throw CommandFailure.usage(
                    "no gateway configured: run 'kontor login --url URL --token TOKEN' (config: " + configFile() + ")");
        }
        try {
            return new Gateway(URI.create(url), firstSet(env.get("KONTOR_TOKEN"), config.token()));
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("gateway URL '" + url + "' is not a URL: fix it with 'kontor login'", e);
        }
    }

    public Output output(PrintWriter out) {
        return new Output(TerminalText.safe(out), output, width());
    }

    private int width() {
        try {
            return Integer.parseInt(env.getOrDefault("COLUMNS", ""));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    private static String firstSet(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof CommandFailure failure) {
            err.println("kontor: " + TerminalText.clean(failure.getMessage()));
            err.flush();
            return failure.exitCode();
        }
        err.println("kontor: " + TerminalText.clean(String.valueOf(e)));
        err.flush();
        return CommandFailure.USAGE;
    }

    private static int misused(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("kontor: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return CommandFailure.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Kontor.class.getPackage().getImplementationVersion();
            return new String[] {"kontor " + (version == null ? "development build" : version)};
        }
    }
}
