package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes a script can rely on, and problem details (RFC 9457) as one line a person understands. */
class ErrorsTest {

    static final String OFFER = "/sales/offers";

    @TempDir
    Path home;

    FakeGateway gateway;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        gateway = FakeGateway.start();
        cli = Cli.loggedIn(home, gateway);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void a_conflict_is_one_line_with_the_problems_detail_and_exit_code_2() {
        gateway.answer(
                "POST",
                OFFER,
                409,
                FakeGateway.PROBLEM_JSON,
                "{\"type\":\"urn:kontor:problem:conflict\",\"title\":\"Conflict\",\"status\":409,"
                        + "\"detail\":\"customer K-000002 is on credit hold\",\"correlationId\":\"c0ffee\"}");

        Cli.Result result = cli.run("offers", "create", "--customer", "c1", "--line", "CONSULT-DAY:2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("kontor: 409 Conflict: customer K-000002 is on credit hold [correlation id c0ffee]\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void a_validation_problem_names_each_field_on_the_same_line() {
        gateway.answer(
                "POST",
                "/sales/customers",
                400,
                FakeGateway.PROBLEM_JSON,
                "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"email: must be a well-formed email address; "
                        + "billingAddress.postalCode: must not be blank\",\"violations\":["
                        + "{\"field\":\"email\",\"message\":\"must be a well-formed email address\"},"
                        + "{\"field\":\"billingAddress.postalCode\",\"message\":\"must not be blank\"}]}");

        Cli.Result result = cli.run(
                "customers",
                "create",
                "--name",
                "Muster GmbH",
                "--type",
                "business",
                "--email",
                "nope",
                "--street",
                "Hauptstr. 1",
                "--postal-code",
                " ",
                "--city",
                "Berlin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("kontor: 400 Invalid request: email: must be a well-formed email address; "
                        + "billingAddress.postalCode: must not be blank\n");
    }

    @Test
    void an_endpoint_the_platform_does_not_serve_reports_the_gateways_404() {
        Cli.Result result = cli.run("projects", "show", "p-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("kontor: 404 Not Found: no route for /api/v1/projects/p-1")
                .hasLineCount(1);
    }

    @Test
    void a_rejected_token_gets_a_hint_how_to_get_a_new_one() {
        new Config(gateway.url(), "expired").write(home.resolve(".config/kontor/config.json"));

        Cli.Result result = cli.run("customers", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("kontor: 401 Unauthorized: a valid bearer token is required (run 'kontor login'");
    }

    @Test
    void a_server_error_exits_with_3() {
        gateway.answer(
                "GET",
                "/accounting/invoices/i-1",
                503,
                FakeGateway.PROBLEM_JSON,
                "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"accounting is not reachable\"}");

        Cli.Result result = cli.run("invoices", "show", "i-1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("kontor: 503 Service Unavailable: accounting is not reachable\n");
    }

    @Test
    void an_error_without_problem_details_still_reads_as_one_line() {
        gateway.answer(
                "GET", "/accounting/invoices/i-1", 502, "text/html", "<html>\n<body>Bad gateway</body>\n</html>");

        Cli.Result result = cli.run("invoices", "show", "i-1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("kontor: 502 Bad Gateway\n");
    }

    @Test
    void an_unreachable_gateway_exits_with_3() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        new Config("http://127.0.0.1:" + closedPort, FakeGateway.TOKEN)
                .write(home.resolve(".config/kontor/config.json"));

        Cli.Result result = cli.run("customers", "list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .isEqualTo("kontor: gateway http://127.0.0.1:" + closedPort + " unreachable: connection refused\n");
    }

    @Test
    void a_missing_option_is_a_usage_error_with_exit_code_1_and_nothing_is_sent() {
        Cli.Result result = cli.run("offers", "reject", "o-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("Missing required option: '--reason=<reason>'", "kontor offers reject --help");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void a_mistyped_command_gets_a_suggestion() {
        Cli.Result result = cli.run("invoice", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Unmatched argument", "Did you mean: kontor invoices");
    }

    @Test
    void a_domain_without_a_subcommand_is_a_usage_error() {
        assertThat(cli.run("invoices").exitCode()).isEqualTo(1);
    }

    @Test
    void a_statement_file_that_does_not_exist_is_a_usage_error() {
        Cli.Result result = cli.run(
                "invoices", "import-statement", home.resolve("missing.xml").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("kontor: no such file: " + home.resolve("missing.xml") + "\n");
        assertThat(gateway.requests).isEmpty();
    }
}
