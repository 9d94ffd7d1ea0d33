package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTailTest {

    static final String STREAM = """
            : connected

            event: kontor.sales.offer-accepted.v1
            id: e-1
            data: {"id":"e-1","type":"kontor.sales.offer-accepted.v1","source":"/kontor/sales-backoffice-service",
            data: "subject":"o-1","time":"2026-03-02T09:00:00Z","data":{"offerNumber":"AN-2026-000001"}}

            event: kontor.accounting.invoice-issued.v1
            id: e-2
            data: {"id":"e-2","type":"kontor.accounting.invoice-issued.v1","subject":"i-1","time":"2026-03-02T09:00:01Z"}

            """;

    @TempDir
    Path home;

    FakeGateway gateway;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        gateway = FakeGateway.start().answer("GET", "/events/stream", 200, "text/event-stream", STREAM);
        cli = Cli.loggedIn(home, gateway);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void each_event_is_one_line_with_time_type_and_subject() {
        Cli.Result result = cli.run(
                "events", "tail", "--type", "kontor.sales.offer-accepted.v1,kontor.accounting.invoice-issued.v1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(gateway.last().accept()).isEqualTo("text/event-stream");
        assertThat(gateway.last().query())
                .isEqualTo("types=kontor.sales.offer-accepted.v1%2Ckontor.accounting.invoice-issued.v1");
        assertThat(result.lines())
                .containsExactly(
                        "2026-03-02T09:00:00Z  kontor.sales.offer-accepted.v1  o-1",
                        "2026-03-02T09:00:01Z  kontor.accounting.invoice-issued.v1  i-1");
    }

    @Test
    void json_gives_one_document_per_line_for_jq_and_limit_stops_early() throws Exception {
        Cli.Result result = cli.run("events", "tail", "-o", "json", "--limit", "1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).hasSize(1);
        assertThat(Gateway.JSON
                        .readTree(result.lines().get(0))
                        .path("data")
                        .path("offerNumber")
                        .asText())
                .isEqualTo("AN-2026-000001");
    }

    @Test
    void timeout_ends_a_stream_that_goes_on_and_is_no_failure_without_a_limit() {
        gateway.liveStream("/events/stream", STREAM);

        Cli.Result result = cli.run("events", "tail", "--timeout", "1s");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lines()).hasSize(2);
    }

    @Test
    void timeout_before_the_limit_is_reached_is_exit_code_3_for_scripts_that_wait_for_an_event() {
        gateway.liveStream("/events/stream", STREAM);

        Cli.Result result = cli.run("events", "tail", "--limit", "3", "--timeout", "1s");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.lines()).hasSize(2);
        assertThat(result.err()).contains("2 of 3 events within 1 s");
    }
}
