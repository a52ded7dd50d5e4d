package community.doorstep.web.testing;

import community.doorstep.Doorstep;
import community.doorstep.events.Feed;
import community.doorstep.site.Area;
import community.doorstep.site.Organisation;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The site the web tests serve: Hulme on 1 June 2026, with a weekly lunch club, a one-off repair café and an
 * all-day summer fair from the lunch club's feed, and a weekly ESOL class from a feed with no organisation.
 */
public final class Neighbourhood {
    public static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    public static final String SITE = "hulme";
    public static final String EVENTS = "api/v1/sites/hulme/events";

    public static final String LUNCH_CLUB = calendar(
            event("lunch-1@test", "DTSTART;TZID=Europe/London:20260604T120000",
                    "DTEND;TZID=Europe/London:20260604T140000",
                    "RRULE:FREQ=WEEKLY;BYDAY=TH",
                    "SUMMARY:Lunch club",
                    "DESCRIPTION:A hot two-course lunch and good company.",
                    "CATEGORIES:Older People,Food",
                    "LOCATION:St Wilfrid's Centre"),
            event("repair-1@test", "DTSTART;TZID=Europe/London:20260613T100000",
                    "DTEND;TZID=Europe/London:20260613T130000",
                    "SUMMARY:Repair café",
                    "CATEGORIES:Repair",
                    "LOCATION:Hulme Library"),
            event("fair-1@test", "DTSTART;VALUE=DATE:20260717",
                    "DTEND;VALUE=DATE:20260718",
                    "SUMMARY:Summer fair",
                    "CATEGORIES:Family"),
            event("winter-1@test", "DTSTART;TZID=Europe/London:20270304T120000",
                    "DTEND;TZID=Europe/London:20270304T130000",
                    "SUMMARY:Winter soup",
                    "CATEGORIES:Food"));

    public static final String ESOL = calendar(
            event("esol-1@test", "DTSTART;TZID=Europe/London:20260602T180000",
                    "DTEND;TZID=Europe/London:20260602T193000",
                    "RRULE:FREQ=WEEKLY;BYDAY=TU",
                    "SUMMARY:ESOL conversation class",
                    "CATEGORIES:Learning",
                    "LOCATION:Zion Centre"));

    private Neighbourhood() {
    }

    public static Doorstep create() {
        Doorstep doorstep = Doorstep.builder().stores(Stores.inMemory()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        doorstep.sites().saveSite(Site.of(SITE, "Hulme Community Partnership"));
        doorstep.sites().saveArea(new Area(SITE, "hulme-central", "Hulme Central"));
        doorstep.sites().saveOrganisation(new Organisation(SITE, "lunch-club", "Hulme Lunch Club", "hulme-central",
                "https://lunch.example.org"));
        doorstep.events().feeds().importCalendar(new Feed(SITE, "lunch", "lunch-club", null), stream(LUNCH_CLUB));
        doorstep.events().feeds().importCalendar(new Feed(SITE, "esol", null, null), stream(ESOL));
        doorstep.sites().labelTag(SITE, "older-people", Locale.forLanguageTag("cy"), "Pobl hŷn");
        doorstep.sites().labelTag(SITE, "food", Locale.forLanguageTag("cy"), "Bwyd");
        return doorstep;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Doorstep web tests//EN\r\n"
                + String.join("", events) + "END:VCALENDAR\r\n";
    }

    private static String event(String uid, String... lines) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\n"
                + String.join("\r\n", lines) + "\r\nEND:VEVENT\r\n";
    }
}
