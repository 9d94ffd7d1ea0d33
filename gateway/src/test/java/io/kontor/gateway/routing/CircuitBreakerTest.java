package io.kontor.gateway.routing;

import static io.kontor.gateway.routing.CircuitBreaker.State.CLOSED;
import static io.kontor.gateway.routing.CircuitBreaker.State.HALF_OPEN;
import static io.kontor.gateway.routing.CircuitBreaker.State.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CircuitBreakerTest {

    private static final Duration OPEN_FOR = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock();
    private CircuitBreaker breaker;

    @BeforeEach
    void closedBreaker() {
        clock.set(Instant.parse("2025-03-03T09:00:00Z"));
        breaker = new CircuitBreaker(clock, 3, OPEN_FOR);
    }

    /** Outcomes in order: F failed, S succeeded; then the state the breaker is in. */
    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("", CLOSED),
                Arguments.of("FF", CLOSED),
                Arguments.of("FFF", OPEN),
                Arguments.of("FFSFF", CLOSED),
                Arguments.of("FFSFFF", OPEN),
                Arguments.of("SSSS", CLOSED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("outcomes")
    void only_failures_in_a_row_open_the_breaker(String outcomes, CircuitBreaker.State expected) {
        for (char outcome : outcomes.toCharArray()) {
            assertThat(breaker.allowsRequest()).isTrue();
            if (outcome == 'F') {
                breaker.failed();
            } else {
                breaker.succeeded();
            }
        }

        assertThat(breaker.state()).isEqualTo(expected);
        assertThat(breaker.allowsRequest()).isEqualTo(expected != OPEN);
    }

    @Test
    void an_open_breaker_refuses_until_its_time_is_up_and_tells_how_long() {
        open();

        clock.advance(Duration.ofSeconds(4));
        assertThat(breaker.allowsRequest()).isFalse();
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(6));

        clock.advance(Duration.ofSeconds(6));
        assertThat(breaker.state()).isEqualTo(HALF_OPEN);
    }

    @Test
    void half_open_lets_exactly_one_trial_through() {
        open();
        clock.advance(OPEN_FOR);

        assertThat(breaker.allowsRequest()).as("the trial").isTrue();
        assertThat(breaker.allowsRequest()).as("while the trial is underway").isFalse();
    }

    @Test
    void a_successful_trial_closes_the_breaker() {
        open();
        clock.advance(OPEN_FOR);
        breaker.allowsRequest();

        breaker.succeeded();

        assertThat(breaker.state()).isEqualTo(CLOSED);
        assertThat(breaker.allowsRequest()).isTrue();
        assertThat(breaker.allowsRequest()).isTrue();
    }

    @Test
    void a_failed_trial_opens_the_breaker_for_another_full_period() {
        open();
        clock.advance(OPEN_FOR);
        breaker.allowsRequest();

        breaker.failed();

        assertThat(breaker.state()).isEqualTo(OPEN);
        assertThat(breaker.retryAfter()).isEqualTo(OPEN_FOR);
    }

    @Test
    void an_abandoned_trial_lets_the_next_request_be_the_trial_and_changes_nothing_else() {
        open();
        clock.advance(OPEN_FOR);
        assertThat(breaker.allowsRequest()).as("trial").isTrue();
        assertThat(breaker.allowsRequest()).as("while the trial is under way").isFalse();

        breaker.abandoned();

        assertThat(breaker.state()).isEqualTo(HALF_OPEN);
        assertThat(breaker.allowsRequest()).as("next trial").isTrue();
        assertThat(breaker.allowsRequest()).as("while that one is under way").isFalse();
    }

    @Test
    void abandoned_requests_do_not_interrupt_failures_in_a_row() {
        breaker.failed();
        breaker.failed();
        breaker.abandoned();
        breaker.failed();

        assertThat(breaker.state()).isEqualTo(OPEN);
    }

    @Test
    void retry_after_is_never_below_one_second() {
        open();
        clock.advance(OPEN_FOR.minusMillis(200));

        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new CircuitBreaker(clock, 0, OPEN_FOR)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new CircuitBreaker(clock, 3, Duration.ZERO)).hasMessageContaining("open duration");
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            breaker.allowsRequest();
            breaker.failed();
        }
        assertThat(breaker.state()).isEqualTo(OPEN);
    }
}
