package community.doorstep.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits anonymous writes per key (a site and a client): a token bucket holding {@code burst} writes that
 * refills one write per {@code refill}, each scaled by the site's allowance (a site whose residents share one
 * address, as in a library, allows more). Time comes from the clock, so tests move it instead of waiting.
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

    /**
     * Takes one write for the key, in one step, so writes sent at the same moment cannot all pass one check: a
     * form takes it before it stores anything, and gives it back with {@link #refund} when it stored nothing, so
     * failed tries (a typo, a refused date) cost a resident nothing.
     *
     * @param allowance the site's {@link community.doorstep.site.Site#writeAllowance()}: the burst is that many times
     *                  larger, and refills that many times faster
     * @return empty if taken, else how long until one would be
     */
    public synchronized Optional<Duration> tryAcquire(String key, int allowance) {
        Instant now = clock.instant();
        double tokens = tokens(key, now, allowance);
        if (tokens < 1) {
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) * refill.toNanos() / Math.max(1, allowance))));
        }
        buckets.put(key, new Bucket(tokens - 1, now));
        return Optional.empty();
    }

    /** Gives back a write {@link #tryAcquire taken} for something that was not stored after all. */
    public synchronized void refund(String key, int allowance) {
        Instant now = clock.instant();
        double tokens = tokens(key, now, allowance) + 1;
        if (tokens >= (double) burst * Math.max(1, allowance)) {
            // a full bucket is no bucket: the key is as if it had never written, whatever allowance the site sets next
            buckets.remove(key);
        } else {
            buckets.put(key, new Bucket(tokens, now));
        }
    }

    private double tokens(String key, Instant now, int allowance) {
        double most = (double) burst * Math.max(1, allowance);
        Bucket bucket = buckets.getOrDefault(key, new Bucket(most, now));
        return Math.min(most, bucket.tokens()
                + (double) Duration.between(bucket.at(), now).toNanos() * Math.max(1, allowance) / refill.toNanos());
    }
}
