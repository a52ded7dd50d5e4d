package community.doorstep.bench;

import community.doorstep.Doorstep;
import community.doorstep.events.EventQuery;
import community.doorstep.events.Occurrence;
import community.doorstep.events.OccurrencePage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A 31-day window query (1 June to 2 July 2026, London) on a site of 5,000 events (500 series), and on a site
 * of 50,000 events where the extra 45,000 (4,500 series among them) all lie outside the window: one-offs in
 * other months of 2026 and 2027, bounded series that end before the window or start after it. Both sites hold
 * exactly the same occurrences in the window (checked in setup), so the difference is what the extra events
 * cost a query that never shows them. Targets: 50,000 at most three times 5,000, by the median; and on the
 * embedded H2 database, 50,000 at most five times the in-memory figure for 50,000. PostgreSQL is measured beside
 * them. Each trial loads a fresh database (a temporary H2 directory, a new PostgreSQL schema) and removes it
 * afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WindowQueryBenchmark {
    static final LocalDate FROM = LocalDate.of(2026, 6, 1);
    static final LocalDate TO = LocalDate.of(2026, 7, 2);
    static final int BASE_EVENTS = 5_000;
    static final int BASE_SERIES = 500;
    /** Events per imported feed: 50,000 events do not fit under the size limit of one calendar. */
    static final int PER_FEED = 5_000;

    @Param({"5000", "50000"})
    public int events;

    @Param({BenchStores.MEMORY, BenchStores.H2, BenchStores.POSTGRES})
    public String store;

    private BenchStores.Site site;
    private Doorstep doorstep;
    private EventQuery query;

    @Setup(Level.Trial)
    public void load() {
        BenchSites.relaxedIcal4j();
        if (events < BASE_EVENTS) {
            throw new IllegalArgumentException("events must be at least " + BASE_EVENTS);
        }
        query = EventQuery.window(BenchSites.SITE, FROM.atStartOfDay(CalendarGenerator.LONDON).toInstant(),
                TO.atStartOfDay(CalendarGenerator.LONDON).toInstant()).withLimit(EventQuery.MAX_LIMIT);

        List<String> base = new CalendarGenerator(20_260_601L, "w").spreadOver2026(BASE_EVENTS, BASE_SERIES)
                .calendars("Hulme groups", PER_FEED);
        site = BenchStores.open(store);
        doorstep = site.doorstep;
        try {
            fill(base);
        } catch (RuntimeException e) {
            // JMH skips the teardown of a trial whose setup failed: remove the database here.
            site.close();
            throw e;
        }
    }

    /** Imports the events and checks the window holds what it should. */
    private void fill(List<String> base) {
        BenchSites.importAll(doorstep, "groups", base);
        int extra = events - BASE_EVENTS;
        if (extra > 0) {
            List<String> outside = new CalendarGenerator(20_270_101L, "x").outside(FROM, TO, extra, extra / 10)
                    .calendars("More groups", PER_FEED);
            BenchSites.importAll(doorstep, "more", outside);
        }

        // The honest-comparison check: the same occurrences as on a 5,000-event in-memory site, all on one page.
        OccurrencePage page = window();
        if (page.nextCursor() != null) {
            throw new IllegalStateException("the window holds more than one page of occurrences");
        }
        Doorstep baseOnly = BenchSites.freshSite();
        BenchSites.importAll(baseOnly, "groups", base);
        OccurrencePage expected = baseOnly.events().calendar().query(query);
        if (!keys(page.occurrences()).equals(keys(expected.occurrences()))) {
            throw new IllegalStateException("with " + events + " events on " + site.description + " the window holds "
                    + page.occurrences().size() + " occurrences, with " + BASE_EVENTS + " in memory it holds "
                    + expected.occurrences().size() + ": the extra events were meant to lie outside it");
        }
        long seriesInWindow = page.occurrences().stream()
                .filter(occurrence -> occurrence.event().recurrence().repeats()).count();
        System.out.printf("%n%d events on %s: the window holds %d occurrences (%d of series), same as %d events%n",
                events, store, page.occurrences().size(), seriesInWindow, BASE_EVENTS);
    }

    @TearDown(Level.Trial)
    public void close() {
        site.close();
    }

    private static List<String> keys(List<Occurrence> occurrences) {
        return occurrences.stream()
                .map(occurrence -> occurrence.event().uid() + "@" + occurrence.time().start().toInstant())
                .toList();
    }

    @Benchmark
    public OccurrencePage window() {
        return doorstep.events().calendar().query(query);
    }
}
