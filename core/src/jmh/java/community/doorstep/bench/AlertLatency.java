package community.doorstep.bench;

import community.doorstep.Doorstep;
import community.doorstep.checkin.CheckInPlan;
import community.doorstep.checkin.CheckInService;
import community.doorstep.checkin.Responder;
import community.doorstep.internal.Sealer;
import community.doorstep.notify.Address;
import community.doorstep.notify.Message;
import community.doorstep.notify.OutboxEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How late a missed check-in's alert is raised on PostgreSQL, in real time: {@code measured} check-ins whose
 * deadlines fall {@value #SPACING_MILLIS} ms apart from {@value #LEAD_SECONDS} s on, among {@code active} check-ins
 * due hours later (rows in the due-work table as background load), with due work polling on Doorstep's own threads.
 * The latency of one is the alert's {@link Message#createdAt()} (the instant the first tier was raised, by the system
 * clock) minus its deadline; delivery is not counted (the notifier does nothing). Prints the percentiles and fails when
 * an alert is missing, early, or its tier was raised twice.
 *
 * <pre>bench/core.sh --alerts 10000 200</pre>
 * <pre>java -cp … community.doorstep.bench.AlertLatency [active] [measured] [pool]</pre>
 */
public final class AlertLatency {
    private static final String ALERT = "checkin.alert-missed";
    private static final int RESPONDERS = 2;
    private static final long LEAD_SECONDS = 20;
    private static final long SPACING_MILLIS = 200;
    /** How long after the last deadline the harness gives up waiting for alerts. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private AlertLatency() {
    }

    public static void main(String[] args) throws Exception {
        int active = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int poolSize = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        if (active < 0 || measured < 1) {
            throw new IllegalArgumentException("active must be at least 0 and measured at least 1");
        }
        Clock clock = Clock.systemUTC();
        try (BenchStores.Site site = BenchStores.postgres(poolSize, clock, Sealer.newKey(), message -> { })) {
            Doorstep doorstep = site.doorstep;
            CheckInService checkIns = doorstep.checkIns();
            String circleId = checkIns.createCircle(BenchSites.SITE, "Bench circle", List.of(
                    new Responder("Ana", Address.email("ana@bench.example"), 1),
                    new Responder("Ben", Address.email("ben@bench.example"), 1)), Duration.ofMinutes(15)).id();

            // background load: check-ins due in two hours and more, started from several threads at once
            Instant later = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
            long began = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(poolSize);
            try {
                List<Future<?>> starts = new ArrayList<>();
                for (int i = 0; i < active; i++) {
                    Instant dueAt = later.plusSeconds(i);
                    starts.add(pool.submit(() -> checkIns.start(BenchSites.SITE, plan(circleId, dueAt))));
                }
                for (Future<?> start : starts) {
                    start.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double startSeconds = (System.nanoTime() - began) / 1e9;

            doorstep.start();
            Instant first = clock.instant().plusSeconds(LEAD_SECONDS).truncatedTo(ChronoUnit.MILLIS);
            Map<String, Instant> deadlines = new HashMap<>();
            for (int i = 0; i < measured; i++) {
                Instant dueAt = first.plusMillis(i * SPACING_MILLIS);
                deadlines.put(checkIns.start(BenchSites.SITE, plan(circleId, dueAt)).checkIn().id(), dueAt);
            }
            Instant last = first.plusMillis((measured - 1) * SPACING_MILLIS);

            int limit = Math.max(10_000, 4 * RESPONDERS * measured);
            Map<String, List<Message>> alerts = alerts(doorstep, deadlines, limit);
            while (alerts.size() < measured && clock.instant().isBefore(last.plus(PATIENCE))) {
                Thread.sleep(1000);
                alerts = alerts(doorstep, deadlines, limit);
            }

            long[] latencies = alerts.entrySet().stream().mapToLong(alert -> alert.getValue().stream()
                    .map(Message::createdAt).min(Instant::compareTo).orElseThrow().toEpochMilli()
                    - deadlines.get(alert.getKey()).toEpochMilli()).sorted().toArray();
            long doubled = alerts.values().stream().filter(messages -> messages.size() > RESPONDERS).count();
            System.out.printf("check-in alert latency on PostgreSQL: %d deadlines %d ms apart among %d active check-ins"
                            + " (started in %.1f s), pool of %d connections, %d cores%n", measured, SPACING_MILLIS, active,
                    startSeconds, poolSize, Runtime.getRuntime().availableProcessors());
            if (latencies.length > 0) {
                System.out.printf("  alerts %d of %d; from deadline to alert raised: p50 %d ms, p90 %d ms, p99 %d ms,"
                                + " max %d ms, min %d ms; over 1000 ms: %d%n", latencies.length, measured,
                        at(latencies, 0.50), at(latencies, 0.90), at(latencies, 0.99), latencies[latencies.length - 1],
                        latencies[0], Arrays.stream(latencies).filter(latency -> latency > 1000).count());
            }
            if (alerts.size() < measured) {
                throw new IllegalStateException((measured - alerts.size()) + " of " + measured + " alerts were not raised "
                        + PATIENCE.toMinutes() + " minutes after the last deadline");
            }
            if (doubled > 0) {
                throw new IllegalStateException(doubled + " check-ins alerted their first tier more than once (more than "
                        + RESPONDERS + " messages)");
            }
            if (latencies[0] < 0) {
                throw new IllegalStateException("an alert was raised " + -latencies[0] + " ms before its deadline");
            }
        }
    }

    private static CheckInPlan plan(String circleId, Instant dueAt) {
        return new CheckInPlan("Walker", null, circleId, dueAt, 0, null, null);
    }

    /** The measured check-ins' alert messages in the outbox so far, by check-in id. */
    private static Map<String, List<Message>> alerts(Doorstep doorstep, Map<String, Instant> deadlines, int limit) {
        Map<String, List<Message>> alerts = new HashMap<>();
        doorstep.outbox().recent(BenchSites.SITE, limit).stream().map(OutboxEntry::message)
                .filter(message -> ALERT.equals(message.type()) && deadlines.containsKey(message.data().get("checkInId")))
                .forEach(message -> alerts.computeIfAbsent(message.data().get("checkInId"), id -> new ArrayList<>())
                        .add(message));
        return alerts;
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }
}
