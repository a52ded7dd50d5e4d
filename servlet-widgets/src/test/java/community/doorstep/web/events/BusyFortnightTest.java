package community.doorstep.web.events;

import community.doorstep.Doorstep;
import community.doorstep.events.Feed;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import community.doorstep.web.testing.WebServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A busy fortnight is shown a page at a time, so a cheap phone is not sent hundreds of events at once. */
class BusyFortnightTest {
    @Test
    void theListShowsSixtyAtATimeWithALinkToTheRest() {
        Doorstep doorstep = Doorstep.builder().stores(Stores.inMemory())
                .clock(new MutableClock(Instant.parse("2026-06-01T08:00:00Z"))).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
        StringBuilder calendar = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (int i = 0; i < 75; i++) {
            calendar.append("BEGIN:VEVENT\r\nUID:busy-").append(i).append("@test\r\nDTSTAMP:20260101T000000Z\r\n")
                    .append(String.format("DTSTART:202606%02dT%02d%02d00Z\r\n", 2 + i / 10, 9 + i % 10, i % 6 * 10))
                    .append(String.format("SUMMARY:Session %03d\r\nEND:VEVENT\r\n", i));
        }
        calendar.append("END:VCALENDAR\r\n");
        doorstep.events().feeds().importCalendar(new Feed("hulme", "busy", null, null),
                new ByteArrayInputStream(calendar.toString().getBytes(StandardCharsets.UTF_8)));

        try (WebServer server = WebServer.start(doorstep, "/doorstep")) {
            String first = server.get("w/hulme/events").body();
            assertThat(Pattern.compile(">Session \\d{3}<").matcher(first).results().count()).isEqualTo(EventPages.LIST_LIMIT);
            Matcher more = Pattern.compile("<a href=\"([^\"]+cursor=[^\"]+)\">More events in these two weeks</a>").matcher(first);
            assertThat(more.find()).as("a link to the rest").isTrue();

            String rest = server.get(more.group(1).replace("&amp;", "&").replaceFirst("^/doorstep/", "")).body();
            assertThat(Pattern.compile(">Session \\d{3}<").matcher(rest).results().count()).isEqualTo(15);
            assertThat(rest).contains("Session 074").doesNotContain("Session 000").doesNotContain("More events in these two weeks");
        } finally {
            doorstep.close();
        }
    }
}
