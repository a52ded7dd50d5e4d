package community.doorstep.bench;

import community.doorstep.Doorstep;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Importing a 10,000-event calendar (1,000 of them recurring series) into an empty site, against ical4j's bare
 * parse of the same text: the import should take at most twice the parse.
 *
 * <p>Every import goes to a fresh in-memory Doorstep, made outside the measured time: importing the same text
 * into the same feed again would be cut short by the calendar checksum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImportBenchmark {
    static final int EVENTS = 10_000;
    static final int SERIES = 1_000;

    private String text;
    private byte[] bytes;
    private final Feed feed = BenchSites.feed("groups");

    /** A Doorstep that has never seen the calendar, new for each import. */
    @State(Scope.Thread)
    public static class FreshSite {
        Doorstep doorstep;

        @Setup(Level.Invocation)
        public void create() {
            doorstep = BenchSites.freshSite();
        }
    }

    @Setup(Level.Trial)
    public void generate() throws IOException, ParserException {
        BenchSites.relaxedIcal4j();
        CalendarGenerator generator = new CalendarGenerator(20_260_101L, "i").spreadOver2026(EVENTS, SERIES);
        text = generator.calendar("Hulme groups");
        bytes = text.getBytes(StandardCharsets.UTF_8);

        // Both sides must read the whole calendar, or the comparison means nothing.
        ImportReport report = BenchSites.freshSite().events().importCalendar(feed, new ByteArrayInputStream(bytes));
        BenchSites.check(report, EVENTS);
        long parsedEvents = bareParse().getComponents().stream()
                .filter(component -> component.getName().equals("VEVENT")).count();
        if (parsedEvents != EVENTS || generator.recurringSeries() != SERIES) {
            throw new IllegalStateException("ical4j read " + parsedEvents + " events of " + EVENTS
                    + "; series written: " + generator.recurringSeries());
        }
        System.out.printf("%ncalendar: %d events (%d recurring series), %.1f MiB%n",
                EVENTS, SERIES, bytes.length / (1024.0 * 1024.0));
    }

    /** Doorstep's import: read, parse, map to events, compute spans, store. */
    @Benchmark
    public ImportReport doorstepImport(FreshSite site) {
        return site.doorstep.events().importCalendar(feed, new ByteArrayInputStream(bytes));
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
