package io.kontor.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetriesTest {

    @ParameterizedTest(
            name = "{0}, body at hand {1}, Idempotency-Key {2}: after no connection {3}, after a broken one {4}")
    @CsvSource({
        "GET,     true,  false, true,  true",
        "HEAD,    true,  false, true,  true",
        "OPTIONS, true,  false, true,  true",
        "DELETE,  true,  false, true,  true",
        "PUT,     true,  false, true,  true",
        "PUT,     false, false, true,  false",
        "PUT,     false, true,  true,  false",
        "POST,    true,  false, false, false",
        "POST,    true,  true,  false, true",
        "POST,    false, true,  false, false",
        "PATCH,   true,  false, false, false",
        "PATCH,   true,  true,  false, true"
    })
    void only_requests_whose_repetition_is_harmless_and_whose_body_is_at_hand_are_sent_again(
            String method,
            boolean replayable,
            boolean idempotencyKey,
            boolean afterConnectFailure,
            boolean afterBrokenConnection) {
        HttpMethod httpMethod = HttpMethod.valueOf(method);

        assertThat(Retries.afterConnectFailure(httpMethod))
                .as("after no connection")
                .isEqualTo(afterConnectFailure);
        assertThat(Retries.afterBrokenConnection(httpMethod, replayable, idempotencyKey))
                .as("after a broken connection")
                .isEqualTo(afterBrokenConnection);
    }
}
