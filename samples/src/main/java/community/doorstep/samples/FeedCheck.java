package community.doorstep.samples;

import community.doorstep.Doorstep;
import community.doorstep.InvalidInputException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The longest span the command lists. */
    static final int MAX_YEARS = 10;
    /** One window of the span: a year, within the API's {@link EventQuery#MAX_WINDOW} whatever the clocks do. */
    private static final int YEAR_DAYS = 365;

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

    /**
     * The occurrences from {@code from} to {@code to}, which may be years apart: a coordinator checks a group's whole
     * calendar. The API's windows are at most {@link EventQuery#MAX_WINDOW}, so the span is asked for a year at a
     * time, and an occurrence across the turn of a year is listed once.
     */
    private Result result(ImportReport report, LocalDate from, LocalDate to) {
        if (to.isAfter(from.plusYears(MAX_YEARS))) {
            throw InvalidInputException.of("to", "max-window", "to must be at most " + MAX_YEARS + " years after from");
        }
        Map<String, Occurrence> occurrences = new LinkedHashMap<>();
        for (LocalDate start = from; start.isBefore(to); start = start.plusDays(YEAR_DAYS)) {
            LocalDate end = start.plusDays(YEAR_DAYS).isBefore(to) ? start.plusDays(YEAR_DAYS) : to;
            EventQuery query = EventQuery.window(SITE, start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
            doorstep.events().calendar().queryAll(query).forEach(occurrence -> occurrences.putIfAbsent(occurrence.id(), occurrence));
        }
        return new Result(report, List.copyOf(occurrences.values()), zone, from, to);
    }

    private static boolean isAddress(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("webcal://");
    }
}
