package community.doorstep.bench;

import community.doorstep.events.Feed;
import community.doorstep.events.ImportReport;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Importing a 10,000-event calendar (1,000 of them recurring series) into an empty feed, against ical4j's bare
 * parse of the same text: on in-memory stores the import should take at most twice the parse, and into the
 * embedded H2 database (writes included) at most three times the in-memory import. PostgreSQL is measured
 * beside them.
 *
 * <p>Every import goes to a feed the site has never seen ({@code groups-1}, {@code groups-2}…): importing the
 * same text into the same feed again would be cut short by the calendar checksum. The database is made once per
 * trial; after each import, outside the measured time, an empty calendar imported into that feed removes its
 * events again, so every import meets the same (empty) site.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImportBenchmark {
    static final int EVENTS = 10_000;
    static final int SERIES = 1_000;

    private String text;
    private byte[] bytes;

    /** The site imports go to, on the store the parameter names; the bare ical4j parse does without. */
    @State(Scope.Benchmark)
    public static class Target {
        @Param({BenchStores.MEMORY, BenchStores.H2, BenchStores.POSTGRES})
        public String store;

        private BenchStores.Site site;
        private byte[] empty;
        private int imports;
        private Feed feed;

        @Setup(Level.Trial)
        public void open(ImportBenchmark calendar) {
            BenchSites.relaxedIcal4j();
            empty = CalendarGenerator.calendar("Hulme groups", List.of()).getBytes(StandardCharsets.UTF_8);
            site = BenchStores.open(store);
            try {
                // The import must read and store the whole calendar, or the comparison means nothing.
                feed = BenchSites.feed("check");
                BenchSites.check(importInto(calendar.bytes), EVENTS);
                emptyFeed();
            } catch (RuntimeException e) {
                // JMH skips the teardown of a trial whose setup failed: remove the database here.
                site.close();
                throw e;
            }
        }

        /** A feed the site has never seen. */
        @Setup(Level.Invocation)
        public void nextFeed() {
            feed = BenchSites.feed("groups-" + ++imports);
        }

        /** Removes what the import stored, checking on the way that it stored the whole calendar. */
        @TearDown(Level.Invocation)
        public void emptyFeed() {
            ImportReport report = importInto(empty);
            if (report.removed() != EVENTS || report.created() != 0) {
                throw new IllegalStateException("feed " + feed.id() + " held " + report.removed() + " events, not "
                        + EVENTS);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            site.close();
        }

        ImportReport importInto(byte[] calendar) {
            return site.doorstep.events().feeds().importCalendar(feed, new ByteArrayInputStream(calendar));
        }
    }

    @Setup(Level.Trial)
    public void generate() throws IOException, ParserException {
        BenchSites.relaxedIcal4j();
        CalendarGenerator generator = new CalendarGenerator(20_260_101L, "i").spreadOver2026(EVENTS, SERIES);
        text = generator.calendar("Hulme groups");
        bytes = text.getBytes(StandardCharsets.UTF_8);

        // Both sides must read the whole calendar, or the comparison means nothing.
        long parsedEvents = bareParse().getComponents().stream()
                .filter(component -> component.getName().equals("VEVENT")).count();
        if (parsedEvents != EVENTS || generator.recurringSeries() != SERIES) {
            throw new IllegalStateException("ical4j read " + parsedEvents + " events of " + EVENTS
                    + "; series written: " + generator.recurringSeries());
        }
        System.out.printf("%ncalendar: %d events (%d recurring series), %.1f MiB%n",
                EVENTS, SERIES, bytes.length / (1024.0 * 1024.0));
    }

    /** Doorstep's import: read, parse, map to events, compute spans, store (on H2 and PostgreSQL: write). */
    @Benchmark
    public ImportReport doorstepImport(Target target) {
        return target.importInto(bytes);
    }

    /** The floor: ical4j building its object model of the same text, nothing more. */
    @Benchmark
    public Calendar ical4jParse() throws IOException, ParserException {
        return bareParse();
    }

    private Calendar bareParse() throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(text));
    }
}
