package community.doorstep.events.ical;

import community.doorstep.Doorstep;
import community.doorstep.events.EventQuery;
import community.doorstep.events.Feed;
import community.doorstep.events.ImportReport;
import community.doorstep.events.SkippedItem;
import community.doorstep.events.SkippedItem.Reason;
import community.doorstep.site.Site;
import community.doorstep.testing.TestDoorstep;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static community.doorstep.testing.Calendars.calendar;
import static community.doorstep.testing.Calendars.concat;
import static community.doorstep.testing.Calendars.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A broken part of a calendar costs only that part (the events around it import, and the organiser is told), and
 * an override with RANGE=THISANDFUTURE changes every later instance of its series.
 */
class CalendarReaderTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Feed FEED = new Feed(TestDoorstep.SITE, "reader", null, null);
    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 7, 1);
    /** Wednesdays 19:00-20:00 from 6 May, six times; from the third on, 20:00-21:30 somewhere else. */
    private static final String MOVED_FROM_THE_THIRD = calendar(concat(
            event("choir@x", ";TZID=Europe/London:20260506T190000", "Choir", "DTEND;TZID=Europe/London:20260506T200000",
                    "RRULE:FREQ=WEEKLY;COUNT=6", "LOCATION:Church hall"),
            event("choir@x", ";TZID=Europe/London:20260520T200000", "Choir (new time)",
                    "DTEND;TZID=Europe/London:20260520T213000",
                    "RECURRENCE-ID;TZID=Europe/London;RANGE=THISANDFUTURE:20260520T190000", "LOCATION:Community centre")));

    private final Doorstep doorstep = TestDoorstep.inMemory(LONDON);

    private static ImportReport importText(Doorstep doorstep, String text) {
        return doorstep.events().feeds().importCalendar(FEED, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> lines(Doorstep doorstep) {
        return TestDoorstep.all(doorstep, FROM, TO, LONDON).stream().map(o -> TestDoorstep.line(o, LONDON)).toList();
    }

    private static String[] withAlarm(String uid, String day, String title, String trigger) {
        return event(uid, ":" + day + "T120000Z", title, "BEGIN:VALARM", "ACTION:DISPLAY", trigger,
                "DESCRIPTION:Starts soon", "END:VALARM");
    }

    @Test
    void aMalformedAlarmIsDroppedAndItsEventKept() {
        // lines 4-14: BEGIN:VEVENT, UID, DTSTAMP, DTSTART at 7, the VALARM at 8-12, SUMMARY, END:VEVENT
        ImportReport report = importText(doorstep, calendar(concat(
                withAlarm("no-equals@x", "20260305", "Lunch club", "TRIGGER;RELATED:-PT15M"),
                withAlarm("bad-duration@x", "20260312", "Repair café", "TRIGGER:-PXYZ"),
                withAlarm("no-duration@x", "20260319", "Knit and natter", "TRIGGER:banana"))));

        assertThat(lines(doorstep)).containsExactly(
                "2026-03-05T12:00:00Z 2026-03-05T12:00:00Z confirmed no-equals@x Lunch club",
                "2026-03-12T12:00:00Z 2026-03-12T12:00:00Z confirmed bad-duration@x Repair café",
                "2026-03-19T12:00:00Z 2026-03-19T12:00:00Z confirmed no-duration@x Knit and natter");
        assertThat(report.skipped()).extracting(SkippedItem::uid, SkippedItem::reason).containsExactly(
                tuple("no-equals@x", Reason.REPAIRED),
                tuple("bad-duration@x", Reason.REPAIRED),
                tuple("no-duration@x", Reason.REPAIRED));
        assertThat(report.skipped().get(0).detail()).startsWith("line 10: the alarm (VALARM from line 8) is left out");
        assertThat(report.skipped().get(1).detail()).contains("TRIGGER");
    }

    @Test
    void aMisspeltEndDropsOnlyItsComponentAndTheLineIsReported() {
        ImportReport report = importText(doorstep, calendar(concat(
                new String[]{"BEGIN:VTODO", "UID:todo@x", "DTSTAMP:20260101T000000Z", "SUMMARY:Book the hall", "END:VTDO"},
                event("lunch@x", ":20260305T120000Z", "Lunch club"),
                event("walk@x", ":20260306T100000Z", "Walking group"))));

        assertThat(lines(doorstep)).containsExactly(
                "2026-03-05T12:00:00Z 2026-03-05T12:00:00Z confirmed lunch@x Lunch club",
                "2026-03-06T10:00:00Z 2026-03-06T10:00:00Z confirmed walk@x Walking group");
        assertThat(report.skipped()).containsExactly(new SkippedItem("todo@x", Reason.INVALID,
                "line 8: END:VTDO does not close BEGIN:VTODO from line 4"));
    }

    @Test
    void anEventWithoutSummaryIsKeptUnderAPlaceholderTitleInTheSitesFirstLanguage() {
        String untitled = calendar("BEGIN:VEVENT", "UID:untitled@x", "DTSTAMP:20260101T000000Z",
                "DTSTART:20260305T120000Z", "END:VEVENT");
        Doorstep welsh = TestDoorstep.inMemory(LONDON);
        welsh.sites().saveSite(new Site(TestDoorstep.SITE, "Partneriaeth Cymunedol", LONDON,
                List.of(Locale.forLanguageTag("cy"), Locale.ENGLISH), Set.of(), Set.of()));

        ImportReport report = importText(doorstep, untitled);
        importText(welsh, untitled);

        assertThat(lines(doorstep)).containsExactly("2026-03-05T12:00:00Z 2026-03-05T12:00:00Z confirmed untitled@x (No title)");
        assertThat(lines(welsh)).containsExactly("2026-03-05T12:00:00Z 2026-03-05T12:00:00Z confirmed untitled@x (Dim teitl)");
        assertThat(report.skipped()).singleElement().satisfies(item -> {
            assertThat(item.uid()).isEqualTo("untitled@x");
            assertThat(item.reason()).isEqualTo(Reason.REPAIRED);
            assertThat(item.detail()).contains("SUMMARY is missing", "(No title)");
        });
    }

    @Test
    void aThisAndFutureOverrideMovesItsInstanceAndEveryLaterOne() {
        importText(doorstep, MOVED_FROM_THE_THIRD);

        assertThat(TestDoorstep.all(doorstep, FROM, TO, LONDON).stream()
                .map(o -> TestDoorstep.line(o, LONDON) + " | " + o.event().location().name())).containsExactly(
                "2026-05-06T19:00:00+01:00 2026-05-06T20:00:00+01:00 confirmed choir@x Choir | Church hall",
                "2026-05-13T19:00:00+01:00 2026-05-13T20:00:00+01:00 confirmed choir@x Choir | Church hall",
                "2026-05-20T20:00:00+01:00 2026-05-20T21:30:00+01:00 confirmed choir@x Choir (new time) | Community centre",
                "2026-05-27T20:00:00+01:00 2026-05-27T21:30:00+01:00 confirmed choir@x Choir (new time) | Community centre",
                "2026-06-03T20:00:00+01:00 2026-06-03T21:30:00+01:00 confirmed choir@x Choir (new time) | Community centre",
                "2026-06-10T20:00:00+01:00 2026-06-10T21:30:00+01:00 confirmed choir@x Choir (new time) | Community centre");
    }

    @Test
    void aThisAndFutureOverrideKeepsItsRangeThroughExportAndImport() {
        importText(doorstep, MOVED_FROM_THE_THIRD);
        String exported = doorstep.events().calendar().exportCalendar(EventQuery.window(TestDoorstep.SITE,
                FROM.atStartOfDay(LONDON).toInstant(), TO.atStartOfDay(LONDON).toInstant()));
        Doorstep copy = TestDoorstep.inMemory(LONDON);
        importText(copy, exported);

        assertThat(exported).contains("RANGE=THISANDFUTURE");
        assertThat(lines(copy)).containsExactlyElementsOf(lines(doorstep));
    }

    @Test
    void theLanguageACalendarGivesAnEventsWordsIsKeptAndSurvivesExportAndImport() {
        importText(doorstep, calendar(concat(
                words("walk@x", "05", "SUMMARY;LANGUAGE=cy:Taith gerdded", "DESCRIPTION:Dewch am dro"),
                words("choir@x", "06", "SUMMARY:Choir", "DESCRIPTION;LANGUAGE=en-gb:Sing with us"),
                words("odd@x", "07", "SUMMARY;LANGUAGE=not a language!:Coffee morning"),
                words("plain@x", "08", "SUMMARY:Lunch club"))));
        String exported = doorstep.events().calendar().exportCalendar(EventQuery.window(TestDoorstep.SITE,
                FROM.atStartOfDay(LONDON).toInstant(), TO.atStartOfDay(LONDON).toInstant()));
        Doorstep copy = TestDoorstep.inMemory(LONDON);
        importText(copy, exported);

        for (Doorstep read : List.of(doorstep, copy)) {
            assertThat(TestDoorstep.all(read, FROM, TO, LONDON)).extracting(o -> o.event().uid(), o -> o.event().language())
                    .containsExactly(tuple("walk@x", "cy"), tuple("choir@x", "en-GB"), tuple("odd@x", null),
                            tuple("plain@x", null));
        }
        assertThat(exported).contains("SUMMARY;LANGUAGE=cy:Taith gerdded", "DESCRIPTION;LANGUAGE=cy:Dewch am dro");
    }

    /** A one-hour event on a day of March 2026, with its words written out as property lines. */
    private static String[] words(String uid, String day, String... lines) {
        return concat(new String[]{"BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20260101T000000Z", "DTSTART:202603" + day + "T120000Z"},
                lines, new String[]{"END:VEVENT"});
    }
}
