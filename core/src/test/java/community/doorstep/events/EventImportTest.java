package community.doorstep.events;

import community.doorstep.Doorstep;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import community.doorstep.testing.TestDoorstep;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static community.doorstep.testing.Calendars.calendar;
import static community.doorstep.testing.Calendars.concat;
import static community.doorstep.testing.Calendars.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventImportTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Feed FEED = new Feed(TestDoorstep.SITE, "lunch-club-feed", "lunch-club", null);

    private final Doorstep doorstep = TestDoorstep.inMemory(LONDON);

    private ImportReport importText(String text) {
        return doorstep.events().feeds().importCalendar(FEED, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> titlesInMarch() {
        return TestDoorstep.all(doorstep, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LONDON).stream()
                .map(o -> o.event().title()).toList();
    }

    @Test
    void reportCountsCreatedUpdatedUnchangedAndRemoved() {
        ImportReport first = importText(calendar(concat(
                event("a@x", ":20260305T120000Z", "Lunch club"),
                event("b@x", ":20260306T120000Z", "Repair café"),
                event("c@x", ":20260307T120000Z", "Knit and natter"))));
        assertThat(first).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged,
                ImportReport::removed).containsExactly(3, 0, 0, 0);

        ImportReport second = importText(calendar(concat(
                event("a@x", ":20260305T120000Z", "Lunch club"),
                event("b@x", ":20260306T130000Z", "Repair café (moved)"),
                event("d@x", ":20260308T120000Z", "Walking group"))));
        assertThat(second).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged,
                ImportReport::removed).containsExactly(1, 1, 1, 1);
        assertThat(titlesInMarch()).containsExactly("Lunch club", "Repair café (moved)", "Walking group");
    }

    @Test
    void anUpdateKeepsTheEventsId() {
        importText(calendar(event("a@x", ":20260305T120000Z", "Lunch club")));
        String id = TestDoorstep.all(doorstep, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LONDON).get(0).event().id();
        importText(calendar(event("a@x", ":20260305T120000Z", "Lunch club, now with pudding")));
        assertThat(doorstep.events().calendar().event(TestDoorstep.SITE, id).title()).isEqualTo("Lunch club, now with pudding");
    }

    @Test
    void aCalendarThatDiffersOnlyInDtstampIsNotComparedAgain() {
        String stamped = calendar(event("a@x", ":20260305T120000Z", "Lunch club"));
        importText(stamped);
        ImportReport again = importText(stamped.replace("DTSTAMP:20260101T000000Z", "DTSTAMP:20260301T101010Z"));
        assertThat(again.calendarUnchanged()).isTrue();
        assertThat(again.unchanged()).isEqualTo(1);
    }

    @Test
    void aMalformedCalendarIsRejectedWithItsLineAndLosesNothingStored() {
        importText(calendar(event("a@x", ":20260305T120000Z", "Lunch club")));
        assertThatThrownBy(() -> importText("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:z\r\nEND:VCALENDAR\r\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("BEGIN:VEVENT from line 3");
        assertThat(titlesInMarch()).containsExactly("Lunch club");
    }

    @Test
    void aBrokenEventIsSkippedWithItsReasonWhileTheRestImports() {
        ImportReport report = importText(calendar(concat(
                event("good@x", ":20260305T120000Z", "Lunch club"),
                event("bad@x", ":2026-13-45", "Broken"))));
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.skipped()).singleElement().satisfies(item -> {
            assertThat(item.uid()).isEqualTo("bad@x");
            assertThat(item.reason()).isEqualTo(SkippedItem.Reason.INVALID);
            assertThat(item.detail()).contains("DTSTART");
        });
    }

    @Test
    void privateAppointmentsAreNeverPublished() {
        ImportReport report = importText(calendar(concat(
                event("open@x", ":20260305T120000Z", "Lunch club"),
                event("gp@x", ":20260306T090000Z", "GP appointment", "CLASS:PRIVATE"),
                event("hr@x", ":20260306T100000Z", "Staff review", "CLASS:CONFIDENTIAL"))));
        assertThat(titlesInMarch()).containsExactly("Lunch club");
        assertThat(report.skipped()).extracting(SkippedItem::reason)
                .containsOnly(SkippedItem.Reason.PRIVATE).hasSize(2);
    }

    @Test
    void onlineMeetingLinksAreFoundAndALinkIsNoPlace() {
        importText(calendar(event("zoom@x", ":20260305T180000Z", "ESOL conversation",
                "LOCATION:https://us02web.zoom.us/j/123456789?pwd=abc")));
        Event event = TestDoorstep.all(doorstep, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LONDON).get(0).event();
        assertThat(event.onlineLink()).hasToString("https://us02web.zoom.us/j/123456789?pwd=abc");
        assertThat(event.location()).isNull();
    }

    @Test
    void htmlInDescriptionsBecomesPlainText() {
        importText(calendar(event("html@x", ":20260305T180000Z", "Food bank",
                "DESCRIPTION:Bring a bag<br>Open to all<script>alert(1)</script> <a href=\"https://foodbank.example/info\">Details</a>")));
        Event event = TestDoorstep.all(doorstep, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LONDON).get(0).event();
        assertThat(event.description()).isEqualTo("Bring a bag\nOpen to all Details (https://foodbank.example/info)");
    }

    @Test
    void anUnknownSiteIsNotFound() {
        Feed elsewhere = new Feed("nowhere", "feed", null, null);
        assertThatThrownBy(() -> doorstep.events().feeds().importCalendar(elsewhere,
                new ByteArrayInputStream(calendar().getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nowhere");
    }
}
