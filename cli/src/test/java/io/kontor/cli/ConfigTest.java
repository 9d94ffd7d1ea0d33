package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    static final String CUSTOMERS = "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}";

    @TempDir
    Path home;

    FakeGateway gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = FakeGateway.start().json("GET", "/sales/customers", CUSTOMERS);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void login_stores_url_and_token_in_the_users_config_readable_only_by_them() throws Exception {
        Cli cli = new Cli(home);

        Cli.Result login = cli.run("login", "--url", gateway.url() + "/", "--token", FakeGateway.TOKEN);

        Path file = home.resolve(".config/kontor/config.json");
        assertThat(login.exitCode()).isZero();
        assertThat(Config.read(file)).isEqualTo(new Config(gateway.url(), FakeGateway.TOKEN));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void later_commands_call_the_stored_gateway_with_the_stored_token() {
        Cli cli = new Cli(home);
        cli.run("login", "--url", gateway.url(), "--token", FakeGateway.TOKEN);

        Cli.Result list = cli.run("customers", "list");

        assertThat(list.exitCode()).isZero();
        assertThat(gateway.last().authorization()).isEqualTo("Bearer " + FakeGateway.TOKEN);
        assertThat(gateway.last().path()).isEqualTo("/api/v1/sales/customers");
    }

    @Test
    void kontor_config_names_another_file() throws Exception {
        Path elsewhere = home.resolve("ci/kontor.json");
        Cli cli = new Cli(home);
        cli.env.put("KONTOR_CONFIG", elsewhere.toString());

        cli.run("login", "--url", gateway.url(), "--token", FakeGateway.TOKEN);

        assertThat(elsewhere).exists();
        assertThat(home.resolve(".config/kontor/config.json")).doesNotExist();
        assertThat(cli.run("customers", "list").exitCode()).isZero();
    }

    @Test
    void environment_variables_override_the_file_for_one_call() {
        Cli cli = new Cli(home);
        new Config("http://127.0.0.1:1", "stale").write(home.resolve(".config/kontor/config.json"));
        cli.env.put("KONTOR_URL", gateway.url());
        cli.env.put("KONTOR_TOKEN", FakeGateway.TOKEN);

        assertThat(cli.run("customers", "list").exitCode()).isZero();
    }

    @Test
    void without_a_configured_gateway_the_user_is_told_to_log_in() {
        Cli.Result result = new Cli(home).run("customers", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("kontor: no gateway configured: run 'kontor login");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void a_broken_config_file_is_named_and_nothing_is_sent() throws Exception {
        Path file = home.resolve(".config/kontor/config.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ url: ");

        Cli.Result result = new Cli(home).run("customers", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("cannot read " + file).hasLineCount(1);
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void login_refuses_what_is_not_an_http_url_and_keeps_the_old_config() {
        Cli cli = new Cli(home);
        cli.run("login", "--url", gateway.url(), "--token", FakeGateway.TOKEN);

        Cli.Result result = cli.run("login", "--url", "kontor.example.com", "--token", "x");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("must be an http(s) URL");
        assertThat(Config.read(home.resolve(".config/kontor/config.json")).url())
                .isEqualTo(gateway.url());
    }
}
