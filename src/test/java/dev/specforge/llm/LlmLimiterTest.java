package dev.specforge.llm;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmLimiterTest {

    @Test
    void should_keep_one_second_of_refill_in_reserve_at_most_max_concurrency_and_at_least_one_token() {
        assertThat(LlmLimiter.reserve(60, 4)).isEqualTo(1);
        assertThat(LlmLimiter.reserve(61, 4)).isEqualTo(2);
        assertThat(LlmLimiter.reserve(1_200, 8)).isEqualTo(8);
        assertThat(LlmLimiter.reserve(300, 4)).isEqualTo(4);
        assertThat(LlmLimiter.reserve(1, 4)).isEqualTo(1);
    }

    @Test
    void should_let_the_provider_limit_less_the_reserve_through_at_once_then_make_the_next_call_wait_for_refill()
            throws Exception {
        LlmLimiter limiter = new LlmLimiter(60, 4);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < 59; i++) {
            limiter.acquire(deadline).close();
        }
        // the 60th token refills one second after the bucket was first drained: not within 100 ms
        assertThatThrownBy(() -> limiter.acquire(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100)))
                .isInstanceOf(LlmLimiter.DeadlineException.class)
                .hasMessageContaining("rate token");
    }
}
