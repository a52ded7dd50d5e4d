package community.doorstep.access;

import community.doorstep.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(clock, 3, Duration.ofMinutes(1));

    @Test
    void aBurstIsAllowedThenTheNextWriteWaitsForTheRefill() {
        assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).isEmpty();
        assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).isEmpty();
        assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).isEmpty();
        assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).contains(Duration.ofMinutes(1));

        clock.advance(Duration.ofSeconds(45));
        assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).contains(Duration.ofSeconds(15));
        clock.advance(Duration.ofSeconds(15));
        assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).isEmpty();
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("hulme|203.0.113.5", 1);
        }
        assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).isPresent();
        assertThat(limiter.tryAcquire("hulme|198.51.100.7", 1)).isEmpty();
        assertThat(limiter.tryAcquire("cardiff|203.0.113.5", 1)).isEmpty();
    }

    @Test
    void aWriteGivenBackCostsNothingAndTheBucketNeverHoldsMoreThanItsBurst() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).isEmpty();
            limiter.refund("hulme|203.0.113.5", 1);
        }
        limiter.refund("hulme|203.0.113.5", 1);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).as("write " + i).isEmpty();
        }
        assertThat(limiter.tryAcquire("hulme|203.0.113.5", 1)).contains(Duration.ofMinutes(1));
    }

    @Test
    void writesSentAtTheSameMomentTakeNoMoreThanTheBurst() throws Exception {
        int senders = 16;
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        CyclicBarrier together = new CyclicBarrier(senders);
        try {
            List<Future<Boolean>> taken = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                taken.add(threads.submit(() -> {
                    together.await();
                    return limiter.tryAcquire("hulme|203.0.113.5", 1).isEmpty();
                }));
            }
            int allowed = 0;
            for (Future<Boolean> one : taken) {
                allowed += one.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSiteThatAllowsMoreLetsOneSharedAddressWriteThatManyTimesAsMuch() {
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.tryAcquire("library|203.0.113.5", 10)).as("write " + i).isEmpty();
        }
        assertThat(limiter.tryAcquire("library|203.0.113.5", 10)).contains(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6));
        assertThat(limiter.tryAcquire("library|203.0.113.5", 10)).isEmpty();
    }
}
