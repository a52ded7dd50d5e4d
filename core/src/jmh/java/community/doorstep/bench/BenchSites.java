package community.doorstep.bench;

import community.doorstep.Doorstep;
import community.doorstep.events.Feed;
import community.doorstep.events.ImportReport;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import net.fortuna.ical4j.util.CompatibilityHints;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** What the benchmarks share: a Doorstep with one site, and feeds imported into it. */
final class BenchSites {
    static final String SITE = "bench";
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private BenchSites() {
    }

    /**
     * The ical4j hints Doorstep's importer turns on for itself, turned on before either side of a comparison
     * runs, so the bare ical4j parse works under the same rules.
     */
    static void relaxedIcal4j() {
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
    }

    /** An empty Doorstep on in-memory stores with the site {@value #SITE} in Europe/London. */
    static Doorstep freshSite() {
        return withSite(Doorstep.builder().stores(Stores.inMemory()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
    }

    /** Saves the site {@value #SITE} in Europe/London on an empty Doorstep, and hands the Doorstep back. */
    static Doorstep withSite(Doorstep doorstep) {
        doorstep.sites().saveSite(Site.of(SITE, "Bench").withZone(CalendarGenerator.LONDON));
        return doorstep;
    }

    static Feed feed(String id) {
        return new Feed(SITE, id, null, null);
    }

    /**
     * Imports each calendar as a feed of its own ({@code prefix-1}, {@code prefix-2}…), failing loudly when an
     * import skipped anything or created a different number of events than the calendar holds.
     */
    static void importAll(Doorstep doorstep, String prefix, List<String> calendars) {
        for (int i = 0; i < calendars.size(); i++) {
            String text = calendars.get(i);
            ImportReport report = doorstep.events().feeds().importCalendar(feed(prefix + "-" + (i + 1)),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            check(report, countEvents(text));
        }
    }

    static void check(ImportReport report, int expectedEvents) {
        if (!report.skipped().isEmpty() || report.created() != expectedEvents) {
            throw new IllegalStateException("the generated calendar did not import cleanly: created "
                    + report.created() + " of " + expectedEvents + ", skipped " + report.skipped().size()
                    + (report.skipped().isEmpty() ? "" : ", first: " + report.skipped().get(0)));
        }
    }

    static int countEvents(String calendar) {
        int count = 0;
        for (int at = calendar.indexOf("BEGIN:VEVENT"); at >= 0; at = calendar.indexOf("BEGIN:VEVENT", at + 1)) {
            count++;
        }
        return count;
    }
}
