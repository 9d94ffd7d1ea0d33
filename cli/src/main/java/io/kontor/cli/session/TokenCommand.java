package io.kontor.cli.session;

import io.kontor.cli.ApiCommand;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Config;
import io.kontor.cli.DurationConverter;
import io.kontor.devinfra.DevJwt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Development only: a token signed with the development key of dev-infra, which only services started without a
 * production identity provider trust (deploy/local, tests). In production an OIDC provider issues tokens.
 */
@Command(
        name = "token",
        description = {
            "Development only: mints a token signed with the development key",
            "and stores it (with http://localhost:8080 when no gateway is configured yet)."
        })
public final class TokenCommand extends ApiCommand {

    /** The roles of ARCHITECTURE.md (Security), as the platform's {@code Roles} names them. */
    static final List<String> ROLES = List.of(
            "front-office",
            "middle-office",
            "accounting",
            "hr",
            "sales",
            "project-office",
            "product-development",
            "legal",
            "process-owner",
            "admin");

    static final String LOCAL_GATEWAY = "http://localhost:8080";

    @Option(
            names = "--role",
            required = true,
            split = ",",
            paramLabel = "ROLE",
            description =
                    "one or more of: front-office, middle-office, accounting, hr, sales, project-office, product-development, legal, process-owner, admin")
    List<String> roles;

    @Option(names = "--subject", description = "who the token is for (default: your login name)")
    String subject;

    @Option(
            names = "--ttl",
            defaultValue = "8h",
            converter = DurationConverter.class,
            description = "how long it is valid: 30m, 8h, 2d (default: ${DEFAULT-VALUE})")
    Duration ttl;

    @Option(
            names = "--print",
            description = "print the token instead of storing it, e.g. TOKEN=$(kontor token --role admin --print)")
    boolean print;

    @Override
    protected void run() {
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw CommandFailure.usage("unknown role '" + role + "'; roles are " + String.join(", ", ROLES));
            }
        }
        String who = subject != null ? subject : kontor().env().getOrDefault("USER", "developer");
        String token = DevJwt.mint(who, ttl, roles.toArray(String[]::new));
        if (print) {
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
            return;
        }
        Config config = kontor().config();
        Config updated = (config.url() == null ? config.withUrl(LOCAL_GATEWAY) : config).withToken(token);
        updated.write(kontor().configFile());
        Instant until = kontor().clock().instant().plus(ttl);
        output().done(
                        "Stored a development token for " + who + " (" + String.join(", ", roles) + "), valid until "
                                + until + ", for " + updated.url() + ".",
                        body().put("subject", who)
                                .put("roles", String.join(",", roles))
                                .put("expiresAt", until.toString())
                                .put("url", updated.url()));
    }
}
