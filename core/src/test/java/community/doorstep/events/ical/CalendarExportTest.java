package community.doorstep.events.ical;

import community.doorstep.Doorstep;
import community.doorstep.events.EventQuery;
import community.doorstep.events.Feed;
import community.doorstep.events.Occurrence;
import community.doorstep.testing.TestDoorstep;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static community.doorstep.testing.Calendars.calendar;
import static community.doorstep.testing.Calendars.concat;
import static community.doorstep.testing.Calendars.event;
import static org.assertj.core.api.Assertions.assertThat;

class CalendarExportTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 1);

    private static final String SOURCE = calendar(concat(
            event("lunch@x", ";TZID=Europe/London:20260303T120000", "Lunch club, soup; and pudding",
                    "DTEND;TZID=Europe/London:20260303T133000",
                    "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261103T120000Z",
                    "EXDATE;TZID=Europe/London:20260407T120000",
                    "RDATE;TZID=Europe/London:20260409T120000",
                    "DESCRIPTION:Line one\\nLine two with ŵ and ŷ",
                    "LOCATION:St Wilfrid's Centre", "CATEGORIES:Older people"),
            event("lunch@x", ";TZID=Europe/London:20260512T130000", "Lunch club (late start)",
                    "DTEND;TZID=Europe/London:20260512T143000", "RECURRENCE-ID;TZID=Europe/London:20260512T120000"),
            event("lunch@x", ";TZID=Europe/London:20260519T120000", "Lunch club",
                    "DTEND;TZID=Europe/London:20260519T133000", "RECURRENCE-ID;TZID=Europe/London:20260519T120000",
                    "STATUS:CANCELLED"),
            event("fair@x", ";VALUE=DATE:20260717", "Summer fair", "DTEND;VALUE=DATE:20260719"),
            event("esol@x", ":20260310T180000Z", "ESOL online", "DURATION:PT1H30M",
                    "LOCATION:https://meet.google.com/abc-defg-hij", "STATUS:TENTATIVE")));

    private static Doorstep imported(String text) {
        Doorstep doorstep = TestDoorstep.inMemory(LONDON);
        doorstep.events().feeds().importCalendar(new Feed(TestDoorstep.SITE, "source", null, null),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return doorstep;
    }

    private static List<String> occurrences(Doorstep doorstep) {
        return TestDoorstep.all(doorstep, FROM, TO, LONDON).stream()
                .map(o -> TestDoorstep.line(o, LONDON) + " | " + o.event().description() + " | "
                        + (o.event().location() == null ? "" : o.event().location().name()) + " | " + o.event().onlineLink()
                        + " | " + o.event().tags())
                .toList();
    }

    private static String export(Doorstep doorstep) {
        return doorstep.events().calendar().exportCalendar(EventQuery.window(TestDoorstep.SITE,
                FROM.atStartOfDay(LONDON).toInstant(), TO.atStartOfDay(LONDON).toInstant()));
    }

    @Test
    void exportThenImportGivesTheSameOccurrences() {
        Doorstep original = imported(SOURCE);
        Doorstep copy = imported(export(original));
        assertThat(occurrences(original)).hasSizeGreaterThan(30);
        assertThat(occurrences(copy)).containsExactlyElementsOf(occurrences(original));
    }

    @Test
    void theExportIsValidRfc5545ByIcal4jsStrictParserAndValidator() throws Exception {
        String exported = export(imported(SOURCE));
        Calendar parsed = new CalendarBuilder().build(new StringReader(exported));
        ValidationResult result = parsed.validate();
        assertThat(result.hasErrors()).as(result.toString()).isFalse();
        assertThat(exported).contains("BEGIN:VTIMEZONE", "TZID:Europe/London", "RECURRENCE-ID;TZID=Europe/London:20260512T120000",
                "SUMMARY:Lunch club\\, soup\\; and pudding", "DTSTART;VALUE=DATE:20260717");
        assertThat(exported).doesNotContain("\n\n");
    }

    @Test
    void oneEventExportsWithItsOverrides() {
        Doorstep doorstep = imported(SOURCE);
        Occurrence first = TestDoorstep.all(doorstep, FROM, TO, LONDON).get(0);
        String single = doorstep.events().calendar().exportEvent(TestDoorstep.SITE, first.event().id());
        assertThat(single.split("BEGIN:VEVENT", -1)).hasSize(4);
        assertThat(single).contains("UID:lunch@x").doesNotContain("fair@x");
    }
}
