package community.doorstep.samples.demo;

import community.doorstep.events.Event;
import community.doorstep.events.EventSource;
import community.doorstep.events.EventStatus;
import community.doorstep.events.EventTime;
import community.doorstep.events.Location;
import community.doorstep.events.Recurrence;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sample neighbourhood's groups and the calendars they keep. Each group's calendar is written as real
 * iCal (by Doorstep's own writer) and served by the demo, so the demo imports it over HTTP exactly as it
 * would a group's Google or Outlook calendar. Dates follow today, so the demo never goes stale.
 */
final class DemoGroups {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A group, the area it is in, and its weekly or monthly sessions. */
    record Group(String id, String name, String area, String place, String address, List<Session> sessions) {
    }

    /**
     * A regular session: an RRULE, a first day, times, and words in English or, where the group's calendar says so
     * ({@code SUMMARY;LANGUAGE=cy}), in another language.
     */
    record Session(String key, String title, String description, String rule, DayOfWeek day, LocalTime start,
                   LocalTime end, Set<String> tags, String cost, String accessibility, String language) {
        /** A session whose calendar states no language, as most do. */
        Session(String key, String title, String description, String rule, DayOfWeek day, LocalTime start,
                LocalTime end, Set<String> tags, String cost, String accessibility) {
            this(key, title, description, rule, day, start, end, tags, cost, accessibility, null);
        }
    }

    static final List<String[]> AREAS = List.of(
            new String[]{"hulme", "Hulme"}, new String[]{"moss-side", "Moss Side"}, new String[]{"chorlton-on-medlock", "Chorlton-on-Medlock"});

    /** Each tag the groups use: its id, and its label in English and in Welsh. */
    static final List<String[]> TAG_LABELS = List.of(
            new String[]{"older-people", "Older people", "Pobl hŷn"}, new String[]{"food", "Food", "Bwyd"},
            new String[]{"crafts", "Crafts", "Crefftau"}, new String[]{"health", "Health", "Iechyd"},
            new String[]{"repair", "Repair", "Trwsio"}, new String[]{"families", "Families", "Teuluoedd"},
            new String[]{"learning", "Learning", "Dysgu"},
            new String[]{"esol", "English classes (ESOL)", "Dosbarthiadau Saesneg (ESOL)"},
            new String[]{"young-people", "Young people", "Pobl ifanc"}, new String[]{"housing", "Housing", "Tai"},
            new String[]{"cymraeg", "Welsh language", "Cymraeg"}, new String[]{"open-day", "Open day", "Diwrnod agored"});

    static final List<Group> GROUPS = List.of(
            new Group("lunch-club", "St Wilfrid's Lunch Club", "hulme", "St Wilfrid's Centre", "1 Stretford Rd, Manchester M15 5JU", List.of(
                    new Session("lunch", "Community lunch club", "Hot two-course lunch for older neighbours. £3, or free if money is tight.",
                            "FREQ=WEEKLY;BYDAY=TU", DayOfWeek.TUESDAY, LocalTime.of(12, 0), LocalTime.of(13, 30),
                            Set.of("older-people", "food"), "£3 (free if money is tight)", "Step-free, accessible toilet, hearing loop"))),
            new Group("repair-cafe", "Hulme Repair Café", "hulme", "Hulme Library", "Hulme Walk, Manchester M15 5FQ", List.of(
                    new Session("repair", "Repair café", "Bring broken lamps, clothes and bikes: volunteers fix them with you.",
                            "FREQ=MONTHLY;BYDAY=2SA", DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(13, 0),
                            Set.of("repair", "families"), "Free", "Step-free"))),
            new Group("esol", "Zion ESOL Circle", "moss-side", "Zion Arts Centre", "335 Stretford Rd, Manchester M15 5ZA", List.of(
                    new Session("esol", "ESOL conversation class", "Practise English over tea. All levels welcome; childcare on request.",
                            "FREQ=WEEKLY;BYDAY=WE", DayOfWeek.WEDNESDAY, LocalTime.of(18, 30), LocalTime.of(20, 0),
                            Set.of("learning", "esol"), "Free", null))),
            new Group("knit-and-natter", "Knit and Natter", "hulme", "St Wilfrid's Centre", "1 Stretford Rd, Manchester M15 5JU", List.of(
                    new Session("knit", "Knit and natter", "Needles and wool provided.",
                            "FREQ=WEEKLY;BYDAY=TH", DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(16, 0),
                            Set.of("older-people", "crafts"), "Free", "Step-free, hearing loop"))),
            new Group("food-bank", "Hulme Food Bank", "moss-side", "Community Garden Centre", "28 Old Birley St, Manchester M15 5RG", List.of(
                    new Session("open", "Food bank open morning", "No referral needed. Halal and vegetarian parcels.",
                            "FREQ=WEEKLY;BYDAY=FR", DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalTime.of(12, 30),
                            Set.of("food"), "Free", "Step-free"))),
            new Group("youth-club", "Royce Youth Club", "hulme", "Hulme Youth Hub", "Royce Rd, Manchester M15 5FQ", List.of(
                    new Session("youth", "Youth club (11–16)", "Pool, games, cooking and a safe space to talk.",
                            "FREQ=WEEKLY;BYDAY=MO", DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(20, 0),
                            Set.of("young-people"), "Free", null))),
            new Group("walking-group", "Hulme Park Walkers", "hulme", "Hulme Park gates", "Royce Rd, Manchester M15 5FQ", List.of(
                    new Session("walk", "Sunday walking group", "A gentle hour round the park at an easy pace.",
                            "FREQ=WEEKLY;BYDAY=SU", DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.of(11, 0),
                            Set.of("older-people", "health"), "Free", "Level paths, benches on the way"),
                    new Session("cymraeg", "Taith gerdded Gymraeg: Welsh-speaking walk", "Dewch am dro a sgwrs yn Gymraeg! Croeso i ddysgwyr.",
                            "FREQ=MONTHLY;BYDAY=1SA", DayOfWeek.SATURDAY, LocalTime.of(11, 0), LocalTime.of(12, 0),
                            Set.of("cymraeg", "health"), "Am ddim / Free", null, "cy"))),
            new Group("tenants", "Hulme Tenants' Association", "chorlton-on-medlock", "Hulme Community Centre",
                    "Hulme High St, Manchester M15 5JS", List.of(
                    new Session("meeting", "Tenants' association meeting", "Repairs, rents and the new bins. Everyone on the estate is welcome.",
                            "FREQ=MONTHLY;BYDAY=1MO", DayOfWeek.MONDAY, LocalTime.of(19, 0), LocalTime.of(20, 30),
                            Set.of("housing"), "Free", "Step-free; BSL interpreter on request"))));

    private DemoGroups() {
    }

    /** A group's calendar as events: its regular sessions from a few weeks back, and one special event ahead. */
    static List<Event> calendar(Group group, LocalDate today) {
        List<Event> events = new ArrayList<>();
        LocalDate firstMonth = today.minusMonths(1).withDayOfMonth(1);
        for (Session session : group.sessions()) {
            LocalDate first = firstMonth.with(TemporalAdjusters.nextOrSame(session.day()));
            ZonedDateTime start = first.atTime(session.start()).atZone(LONDON);
            events.add(new Event("demo", "x", session.key() + "@" + group.id() + ".demo.doorstep", null, 0, session.title(),
                    session.description(), new EventTime(start, first.atTime(session.end()).atZone(LONDON), false),
                    new Recurrence(List.of(session.rule()), List.of(), List.of()),
                    new Location(group.place() + ", " + group.address(), null, null, null, null), null, session.tags(),
                    null, null, session.accessibility(), session.cost(), null, EventStatus.CONFIRMED, EventSource.API, null, null)
                    .withLanguage(session.language()));
        }
        LocalDate special = today.plusDays(9 + group.id().length() % 5);
        ZonedDateTime start = special.atTime(LocalTime.of(11, 0)).atZone(LONDON);
        events.add(new Event("demo", "x", "open-day-" + special + "@" + group.id() + ".demo.doorstep", null, 0,
                group.name() + " open day", "Come and meet us: tea, cake and a chance to join in.",
                new EventTime(start, start.plusHours(3), false), null,
                new Location(group.place() + ", " + group.address(), null, null, null, null), null, Set.of("open-day"),
                null, null, null, "Free", URI.create("https://example.org/" + group.id()), EventStatus.CONFIRMED,
                EventSource.API, null, null));
        return events;
    }
}
