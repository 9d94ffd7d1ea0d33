package io.kontor.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void stoppedClock() {
        clock.set(Instant.parse("2025-03-03T09:00:00Z"));
    }

    @ParameterizedTest(name = "burst {0}, {1}/s: {2} requests at once pass, the next waits {3} ms")
    @CsvSource({"1,  1,   1, 1000", "5,  1,   5, 1000", "5,  10,  5, 100", "20, 0.5, 20, 2000"})
    void a_client_gets_its_burst_at_once_and_then_waits_for_the_rate(
            int burst, double perSecond, int passing, long waitMillis) {
        RateLimiter limiter = new RateLimiter(clock, burst, perSecond);

        for (int i = 0; i < passing; i++) {
            assertThat(limiter.tryAcquire("shop").allowed())
                    .as("request %d", i + 1)
                    .isTrue();
        }
        RateLimiter.Decision refused = limiter.tryAcquire("shop");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(waitMillis));
    }

    @Test
    void the_bucket_refills_with_time_but_never_beyond_the_burst() {
        RateLimiter limiter = new RateLimiter(clock, 2, 1);
        limiter.tryAcquire("shop");
        limiter.tryAcquire("shop");

        clock.advance(Duration.ofMinutes(10));

        assertThat(limiter.tryAcquire("shop").allowed()).isTrue();
        assertThat(limiter.tryAcquire("shop").allowed()).isTrue();
        assertThat(limiter.tryAcquire("shop").allowed()).isFalse();
    }

    @Test
    void one_client_using_up_its_requests_does_not_slow_another() {
        RateLimiter limiter = new RateLimiter(clock, 1, 1);
        limiter.tryAcquire("shop");

        assertThat(limiter.tryAcquire("shop").allowed()).isFalse();
        assertThat(limiter.tryAcquire("careers-site").allowed()).isTrue();
    }

    @Test
    void a_clock_set_back_does_not_hold_the_bucket_empty_until_it_catches_up() {
        RateLimiter limiter = new RateLimiter(clock, 1, 1);
        clock.advance(Duration.ofMinutes(5));
        limiter.tryAcquire("shop");

        clock.advance(Duration.ofMinutes(-5));
        assertThat(limiter.tryAcquire("shop").allowed())
                .as("right after the jump")
                .isFalse();
        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.tryAcquire("shop").allowed())
                .as("one second later, not five minutes")
                .isTrue();
    }

    @Test
    void clients_whose_bucket_filled_up_again_are_forgotten() {
        RateLimiter limiter = new RateLimiter(clock, 2, 1);
        limiter.tryAcquire("shop");
        limiter.tryAcquire("careers-site");
        clock.advance(Duration.ofMillis(500));
        limiter.tryAcquire("careers-site");

        clock.advance(Duration.ofMillis(600));
        limiter.forgetIdle();

        assertThat(limiter.clientsTracked()).as("only careers-site still owes").isEqualTo(1);
    }
}
