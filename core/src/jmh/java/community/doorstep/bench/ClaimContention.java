package community.doorstep.bench;

import community.doorstep.ConflictException;
import community.doorstep.help.ClaimDetails;
import community.doorstep.help.Contact;
import community.doorstep.help.Handover;
import community.doorstep.help.HelpService;
import community.doorstep.help.HelpWindow;
import community.doorstep.help.OfferDetails;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Claims under contention on PostgreSQL: rounds of {@code claimants} threads that all claim one unit of one fresh
 * offer of {@code quantity} at the same moment, through a pool of {@code pool} connections. The baseline, measured in
 * the same run on the same database and pool, is the cheapest contended write there is: the same threads each adding
 * one to a single row in a transaction of its own. Prints throughput (attempts per second over the rounds' wall
 * time) and latency percentiles; run by {@code bench/help.sh}.
 *
 * <pre>java -cp … community.doorstep.bench.ClaimContention [rounds] [claimants] [quantity] [pool]</pre>
 */
public final class ClaimContention {
    private ClaimContention() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int claimants = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int quantity = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int poolSize = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        try (BenchStores.Site site = BenchStores.postgres(poolSize)) {
            HelpService help = site.doorstep.help();
            try (Connection connection = site.dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("create table bench_counter (id integer primary key, n bigint not null)");
                statement.execute("insert into bench_counter values (1, 0)");
            }
            ExecutorService pool = Executors.newFixedThreadPool(claimants);
            try {
                // warm-up: a few rounds of each, not counted
                run(pool, claimants, 5, round -> claimRound(help, quantity, round));
                run(pool, claimants, 5, round -> counterRound(site));
                Result baseline = run(pool, claimants, rounds, round -> counterRound(site));
                Result claims = run(pool, claimants, rounds, round -> claimRound(help, quantity, round));
                System.out.printf("claims under contention on PostgreSQL: %d rounds of %d claimants at once on an offer of %d,"
                        + " pool of %d connections, %d cores%n", rounds, claimants, quantity, poolSize,
                        Runtime.getRuntime().availableProcessors());
                baseline.print("baseline: one-row counter update");
                claims.print("claim (all attempts)");
                System.out.printf("  claims granted %d, refused %d (expected %d and %d); ratio of claim to baseline"
                                + " throughput %.2f%n", claims.granted, claims.refused, rounds * quantity,
                        rounds * (claimants - quantity), claims.throughput() / baseline.throughput());
                if (claims.granted != rounds * quantity || claims.refused != rounds * (claimants - quantity)) {
                    throw new IllegalStateException("an offer was oversubscribed or under-filled");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** One round: what each of the claimants does once the latch opens, given its index. */
    private interface Round {
        Callable<Boolean> attempt(int round);
    }

    private static Callable<Boolean> claimRound(HelpService help, int quantity, int round) {
        String offerId = help.postOffer(BenchSites.SITE, new OfferDetails("Hot meals", null, "meals", "Hulme", quantity,
                HelpWindow.on(LocalDate.of(2026, 3, 5), LocalTime.of(17, 0), LocalTime.of(18, 30)),
                BenchSites.NOW.plus(Duration.ofDays(3)), Set.of(), null, Handover.COLLECTION, "Kitchen",
                new Contact("kitchen@bench.example", null))).item().id();
        AtomicInteger next = new AtomicInteger();
        return () -> {
            try {
                help.claim(BenchSites.SITE, offerId, new ClaimDetails(1, "Resident" + next.incrementAndGet(), null));
                return true;
            } catch (ConflictException e) {
                return false;
            }
        };
    }

    private static Callable<Boolean> counterRound(BenchStores.Site site) {
        return () -> {
            try (Connection connection = site.dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement update = connection.prepareStatement("update bench_counter set n = n + 1 where id = 1")) {
                    update.executeUpdate();
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Result run(ExecutorService pool, int claimants, int rounds, Round make) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long wall = 0;
        int granted = 0;
        int refused = 0;
        for (int round = 0; round < rounds; round++) {
            Callable<Boolean> attempt = make.attempt(round);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    long began = System.nanoTime();
                    boolean ok = attempt.call();
                    return new long[]{System.nanoTime() - began, ok ? 1 : 0};
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<long[]> future : futures) {
                long[] outcome = future.get();
                latencies.add(outcome[0]);
                if (outcome[1] == 1) {
                    granted++;
                } else {
                    refused++;
                }
            }
            wall += System.nanoTime() - began;
        }
        return new Result(latencies.stream().mapToLong(Long::longValue).toArray(), wall, granted, refused);
    }

    private record Result(long[] latencies, long wallNanos, int granted, int refused) {
        double throughput() {
            return latencies.length / (wallNanos / 1e9);
        }

        void print(String name) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf("  %-34s %8.0f per second; latency p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms%n", name,
                    throughput(), millis(sorted, 0.50), millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }

        private static double millis(long[] sorted, double quantile) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }
}
