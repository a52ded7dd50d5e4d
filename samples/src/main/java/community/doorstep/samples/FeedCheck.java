package community.doorstep.samples;

import community.doorstep.Doorstep;
import community.doorstep.events.EventQuery;
import community.doorstep.events.Feed;
import community.doorstep.events.ImportReport;
import community.doorstep.events.Occurrence;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Imports one calendar into a throwaway in-memory site and lists what residents would see in a window:
 * how a coordinator checks a group's calendar before adding it.
 */
final class FeedCheck {
    private static final String SITE = "feed-check";
    private static final String FEED = "checked";

    /** What the check found: the import report and the occurrences overlapping [from, to). */
    record Result(ImportReport report, List<Occurrence> occurrences, ZoneId zone, LocalDate from, LocalDate to) {
    }

    private final Doorstep doorstep;
    private final ZoneId zone;

    FeedCheck(ZoneId zone, Clock clock, Set<String> trustedHosts) {
        this.zone = zone;
        this.doorstep = Doorstep.builder().stores(Stores.inMemory()).clock(clock).build();
        doorstep.sites().saveSite(Site.of(SITE, "Feed check").withZone(zone).withTrustedFeedHosts(trustedHosts));
    }

    /** Checks a file path or an http(s)/webcal address. */
    static Result check(String source, LocalDate from, LocalDate to, ZoneId zone, Clock clock) {
        if (isAddress(source)) {
            URI address = URI.create(source);
            // The person running the check typed this address on their own machine: no forgery to guard against.
            FeedCheck check = new FeedCheck(zone, clock, Set.of(address.getHost().toLowerCase(Locale.ROOT)));
            return check.result(check.doorstep.events().feeds().importCalendar(new Feed(SITE, FEED, null, address)), from, to);
        }
        FeedCheck check = new FeedCheck(zone, clock, Set.of());
        return check.result(check.doorstep.events().feeds().importCalendar(new Feed(SITE, FEED, null, null), Path.of(source)), from, to);
    }

    /** Checks a calendar handed over as a stream. */
    static Result check(InputStream calendar, LocalDate from, LocalDate to, ZoneId zone, Clock clock) {
        FeedCheck check = new FeedCheck(zone, clock, Set.of());
        return check.result(check.doorstep.events().feeds().importCalendar(new Feed(SITE, FEED, null, null), calendar), from, to);
    }

    private Result result(ImportReport report, LocalDate from, LocalDate to) {
        EventQuery query = EventQuery.window(SITE, from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
        return new Result(report, doorstep.events().calendar().queryAll(query), zone, from, to);
    }

    private static boolean isAddress(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("webcal://");
    }
}
