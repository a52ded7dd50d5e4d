package community.doorstep.events;

import community.doorstep.Doorstep;
import community.doorstep.ForbiddenException;
import community.doorstep.access.ModerationState;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Residents' suggestions, waiting, approved or refused, are deleted a site-set number of days after they are over. */
class SuggestionPurgeTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final Doorstep doorstep = Doorstep.builder().stores(Stores.inMemory()).clock(clock).build();

    @AfterEach
    void close() {
        doorstep.close();
    }

    private Submitted suggest(String title, LocalDate day) {
        return doorstep.events().submissions().submit("hulme",
                new EventSubmission(title, null, day, null, null, null, null, null, null, null));
    }

    @Test
    void suggestionsGoTheSiteSetNumberOfDaysAfterTheyAreOverWithTheirManageLinks() {
        doorstep.sites().saveSite(Site.of("hulme", "Hulme").withSuggestionRetentionDays(3));
        Submitted waiting = suggest("Waiting", LocalDate.of(2026, 3, 2));
        Submitted refused = suggest("Refused", LocalDate.of(2026, 3, 2));
        Submitted approved = suggest("Approved", LocalDate.of(2026, 3, 2));
        Submitted later = suggest("Later", LocalDate.of(2026, 3, 10));
        doorstep.events().submissions().moderate("hulme", refused.event().id(), ModerationState.REJECTED);
        doorstep.events().submissions().moderate("hulme", approved.event().id(), ModerationState.APPROVED);

        // over at midnight on the 3rd; kept three days more, to midnight on the 6th
        clock.set(Instant.parse("2026-03-05T23:59:00Z"));
        doorstep.runDueWork();
        assertThat(doorstep.events().submissions().submission("hulme", waiting.manageToken()).title()).isEqualTo("Waiting");

        clock.advance(Duration.ofHours(2));
        doorstep.runDueWork();
        for (Submitted gone : new Submitted[]{waiting, refused, approved}) {
            assertThatThrownBy(() -> doorstep.events().submissions().submission("hulme", gone.manageToken()))
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThat(doorstep.events().submissions().submission("hulme", later.manageToken()).title()).isEqualTo("Later");
    }

    @Test
    void theDefaultIsSevenDaysAndEventsFromFeedsAreNeverPurged() {
        doorstep.sites().saveSite(Site.of("hulme", "Hulme"));
        suggest("Fair", LocalDate.of(2026, 3, 2));
        Feed feed = new Feed("hulme", "lunch-club", null, null);
        doorstep.events().feeds().importCalendar(feed, new ByteArrayInputStream(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                + "PRODID:test\r\nBEGIN:VEVENT\r\nUID:lunch-1\r\nDTSTAMP:20260101T000000Z\r\n"
                + "DTSTART:20260302T120000Z\r\nDTEND:20260302T130000Z\r\nSUMMARY:Lunch\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8)));
        clock.set(Instant.parse("2026-03-09T23:00:00Z"));
        assertThat(doorstep.events().submissions().purgeOver()).isZero();
        clock.set(Instant.parse("2027-03-10T01:00:00Z"));
        assertThat(doorstep.events().submissions().purgeOver()).isEqualTo(1);
        assertThat(doorstep.events().calendar().queryAll(EventQuery.window("hulme", Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-05T00:00:00Z")))).extracting(occurrence -> occurrence.event().title())
                .containsExactly("Lunch");
    }
}
