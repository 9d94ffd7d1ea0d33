package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kontor mail: the delivery endpoints of API.md, and a table a person can read. */
class MailCommandTest {

    @TempDir
    Path home;

    FakeGateway gateway;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        gateway = FakeGateway.start().answerAnyPathWith("[]");
        cli = Cli.loggedIn(home, gateway);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @ParameterizedTest(name = "kontor {0}")
    @CsvSource({
        "mail deliveries --offer o-1, GET, /sales/offers/o-1/deliveries",
        "mail deliveries --invoice i-1, GET, /accounting/invoices/i-1/deliveries",
        "mail deliveries --service hr --status FAILED, GET, /hr/admin/mail/deliveries?status=FAILED",
        "mail resend --service sales d-1, POST, /sales/admin/mail/deliveries/d-1/resend"
    })
    void calls_the_public_api(String commandLine, String method, String pathAndQuery) {
        Cli.Result result = cli.run(commandLine.split(" "));

        assertThat(result.exitCode()).as(result.err()).isZero();
        FakeGateway.Request request = gateway.last();
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.path() + (request.query() == null ? "" : "?" + request.query()))
                .isEqualTo("/api/v1" + pathAndQuery);
    }

    @Test
    void deliveries_show_as_a_table_with_status_recipient_and_error() {
        gateway.json("GET", "/sales/offers/o-1/deliveries", """
                [{"id":"d-1","status":"FAILED","recipient":"einkauf@kunde.example","subject":"Ihr Angebot AN-1",
                  "attempts":6,"handedToSmtpAt":"2026-03-02T09:00:00Z","lastError":"550 5.1.1 mailbox unavailable"}]""");

        Cli.Result result = cli.run("mail", "deliveries", "--offer", "o-1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("STATUS", "FAILED", "einkauf@kunde.example", "550 5.1.1");
    }

    @Test
    void deliveries_need_a_document_or_a_service() {
        Cli.Result result = cli.run("mail", "deliveries");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--offer");
        assertThat(gateway.requests).isEmpty();
    }
}
