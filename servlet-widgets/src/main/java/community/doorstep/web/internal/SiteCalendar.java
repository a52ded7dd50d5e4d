package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.NotFoundException;
import community.doorstep.events.EventQuery;
import community.doorstep.site.Site;

import java.time.Instant;
import java.time.LocalDate;

/** One site's calendar as the web sees it: days in the site's zone, "today" from Doorstep's clock. */
public final class SiteCalendar {
    /** The longest window the API lists, and how far ahead the tag lists and the feeds look. */
    public static final int MAX_DAYS = (int) EventQuery.MAX_WINDOW.toDays();

    private final Doorstep doorstep;
    private final Site site;

    private SiteCalendar(Doorstep doorstep, Site site) {
        this.doorstep = doorstep;
        this.site = site;
    }

    /** The calendar of an existing site; an unknown site is a 404, whatever its id looks like. */
    public static SiteCalendar of(Doorstep doorstep, String siteId) {
        // an id of the wrong shape cannot be a site, so no store is asked about it
        Site site = QueryParams.isSlug(siteId) ? doorstep.sites().findSite(siteId).orElse(null) : null;
        if (site == null) {
            throw new NotFoundException("there is no site " + abbreviate(siteId));
        }
        return new SiteCalendar(doorstep, site);
    }

    /** The site. */
    public Site site() {
        return site;
    }

    /** The site's id. */
    public String id() {
        return site.id();
    }

    /** Today in the site's zone. */
    public LocalDate today() {
        return LocalDate.now(doorstep.clock().withZone(site.zone()));
    }

    /**
     * Everything from the start of one day to the start of another, in the site's zone. A window of
     * {@link EventQuery#MAX_WINDOW} days that gains an hour when the clocks go back is trimmed by that hour,
     * rather than refused.
     */
    public EventQuery window(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(site.zone()).toInstant();
        Instant end = to.atStartOfDay(site.zone()).toInstant();
        Instant longest = start.plus(EventQuery.MAX_WINDOW);
        return EventQuery.window(site.id(), start, end.isAfter(longest) ? longest : end);
    }

    /** From the start of today for the given number of days. */
    public EventQuery ahead(int days) {
        LocalDate today = today();
        return window(today, today.plusDays(days));
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
