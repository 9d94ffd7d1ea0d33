package io.kontor.cli.session;

import io.kontor.cli.ApiCommand;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Config;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "login",
        description = {
            "Remembers the gateway and your token for the next commands.",
            "Use --token - to read the token from standard input (it then stays out of the shell history)."
        })
public final class LoginCommand extends ApiCommand {

    @Option(names = "--url", required = true, description = "the gateway, e.g. https://kontor.example.com")
    String url;

    @Option(
            names = "--token",
            required = true,
            description = "a bearer token from your identity provider, or - for stdin")
    String token;

    @Override
    protected void run() throws IOException {
        URI gateway;
        try {
            gateway = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("--url '" + url + "' is not a URL", e);
        }
        if (gateway.getScheme() == null || !gateway.getScheme().matches("https?") || gateway.getHost() == null) {
            throw CommandFailure.usage(
                    "--url '" + url + "' must be an http(s) URL with a host, e.g. https://kontor.example.com");
        }
        String bearer = token.equals("-") ? readStandardInput() : token.strip();
        if (bearer.isEmpty()) {
            throw CommandFailure.usage("--token is empty");
        }
        new Config(url.replaceAll("/+$", ""), bearer).write(kontor().configFile());
        output().done(
                        "Logged in to " + url + " (saved in " + kontor().configFile() + ").",
                        body().put("url", url)
                                .put("config", kontor().configFile().toString()));
    }

    private static String readStandardInput() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? "" : line.strip();
    }
}
