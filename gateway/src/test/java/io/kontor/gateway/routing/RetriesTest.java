package io.kontor.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetriesTest {

    @ParameterizedTest(name = "{0}, body {1}: after no connection {2}, after a broken one {3}")
    @CsvSource({
        "GET,     false, true,  true",
        "HEAD,    false, true,  true",
        "OPTIONS, false, true,  true",
        "DELETE,  false, true,  true",
        "PUT,     false, true,  true",
        "PUT,     true,  true,  false",
        "POST,    false, false, false",
        "POST,    true,  false, false",
        "PATCH,   true,  false, false"
    })
    void only_idempotent_methods_are_sent_again_and_a_streamed_body_never(
            String method, boolean hasBody, boolean afterConnectFailure, boolean afterBrokenConnection) {
        HttpMethod httpMethod = HttpMethod.valueOf(method);

        assertThat(Retries.afterConnectFailure(httpMethod))
                .as("after no connection")
                .isEqualTo(afterConnectFailure);
        assertThat(Retries.afterBrokenConnection(httpMethod, hasBody))
                .as("after a broken connection")
                .isEqualTo(afterBrokenConnection);
    }
}
