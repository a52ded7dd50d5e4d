package community.doorstep.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits anonymous writes per key (a site and a client): a token bucket holding {@code burst} writes that
 * refills one write per {@code refill}. Time comes from the clock, so tests move it instead of waiting.
 * Per node: with several nodes each enforces its own share, which is enough to stop a flood.
 */
public final class RateLimiter {
    /** Past this many keys the least recently used are forgotten, so a spray of addresses cannot fill memory. */
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int burst;
    private final Duration refill;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    private record Bucket(double tokens, Instant at) {
    }

    public RateLimiter(Clock clock, int burst, Duration refill) {
        if (burst < 1 || refill.isNegative() || refill.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive refill time");
        }
        this.clock = clock;
        this.burst = burst;
        this.refill = refill;
    }

    /** Takes one write for the key; empty if allowed, else how long until the next one would be. */
    public synchronized Optional<Duration> tryAcquire(String key) {
        Instant now = clock.instant();
        Bucket bucket = buckets.getOrDefault(key, new Bucket(burst, now));
        double refilled = Math.min(burst, bucket.tokens()
                + (double) Duration.between(bucket.at(), now).toNanos() / refill.toNanos());
        if (refilled >= 1) {
            buckets.put(key, new Bucket(refilled - 1, now));
            return Optional.empty();
        }
        buckets.put(key, new Bucket(refilled, now));
        long wait = (long) Math.ceil((1 - refilled) * refill.toNanos());
        return Optional.of(Duration.ofNanos(wait));
    }
}
