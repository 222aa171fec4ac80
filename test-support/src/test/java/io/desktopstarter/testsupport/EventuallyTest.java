package io.desktopstarter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class EventuallyTest {
    @Test
    void returnsOnceTheConditionHolds() throws Exception {
        AtomicInteger polls = new AtomicInteger();

        Eventually.await(Duration.ofSeconds(10), () -> polls.incrementAndGet() == 3, "the third poll");

        assertThat(polls).hasValue(3);
    }

    @Test
    void failsAtTheDeadlineSayingWhatItWaitedFor() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> Eventually.await(Duration.ofMillis(200), () -> false, () -> "a line in backend.log; saw none"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("not within 200 ms: a line in backend.log; saw none");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
