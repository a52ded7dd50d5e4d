package community.doorstep.events;

import community.doorstep.Doorstep;
import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import community.doorstep.testing.TestDoorstep;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Core's rules catch everything before it reaches a database column, and name every broken one at once. */
class InputRulesTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate SOON = LocalDate.of(2026, 3, 20);
    private static final URI LONG_LINK = URI.create("https://example.org/" + "a".repeat(2000));

    private static InvalidInputException refused(Runnable creation) {
        try {
            creation.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("the input was accepted");
    }

    @Test
    void everyBrokenRuleOfASuggestionIsNamedAtOnce() {
        InvalidInputException refused = refused(() -> new EventSubmission(" ", "fine", LocalDate.of(10_000, 1, 1),
                LocalTime.of(11, 0), LocalTime.of(10, 0), "p".repeat(501), "Not A Slug", null, null,
                URI.create("ftp://example.org/booking")));

        assertThat(refused.errors()).extracting(FieldError::field, FieldError::rule).containsExactlyInAnyOrder(
                tuple("title", "required"), tuple("date", "year"), tuple("endTime", "after-start"),
                tuple("place", "too-long"), tuple("organisationId", "slug"), tuple("bookingLink", "http"));
    }

    @Test
    void aBookingLinkLongerThanItsColumnIsRefused() {
        assertThat(refused(() -> new EventSubmission("Fair", null, SOON, null, null, null, null, null, null, LONG_LINK))
                .errors()).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("bookingLink", "too-long"));
    }

    @Test
    void anEventsLanguageIsALanguageTagInItsStandardCase() {
        ZonedDateTime start = ZonedDateTime.of(2026, 3, 20, 10, 0, 0, 0, LONDON);
        Event event = new Event("hulme", "e1", "e1@x", null, 0, "Taith gerdded", null,
                new EventTime(start, start.plusHours(1), false), null, null, null, null, null, null, null, null, null,
                null, EventSource.API, null, null);

        assertThat(event.withLanguage("en-gb").language()).isEqualTo("en-GB");
        assertThat(event.withLanguage("CY").language()).isEqualTo("cy");
        assertThat(refused(() -> event.withLanguage("Welsh, mostly")).errors())
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("language", "language"));
        assertThat(refused(() -> event.withLanguage("cy-" + "x".repeat(40))).errors())
                .extracting(FieldError::field).containsExactly("language");
    }

    @Test
    void aFeedAddressLongerThanItsColumnIsRefused() {
        assertThat(refused(() -> new Feed("hulme", "lunch-club", null, LONG_LINK)).errors())
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("url", "too-long"));
    }

    @Test
    void timesAndWindowsPastTheYear9999AreRefused() {
        ZonedDateTime farAway = ZonedDateTime.of(10_000, 1, 1, 10, 0, 0, 0, LONDON);
        assertThat(refused(() -> new EventTime(farAway, farAway.plusHours(1), false)).errors())
                .extracting(FieldError::field).containsExactly("start", "end");
        ZonedDateTime lastDay = ZonedDateTime.of(9999, 12, 31, 10, 0, 0, 0, LONDON);
        assertThat(new EventTime(lastDay, lastDay.plusHours(1), false).start()).isEqualTo(lastDay);
        assertThat(refused(() -> EventQuery.window("hulme", farAway.toInstant(), farAway.plusDays(1).toInstant()))
                .errors()).extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("from", "year"), tuple("to", "year"));
    }

    @Test
    void aSuggestionForAPastDayOrAnUnknownGroupIsRefusedAndNothingIsStored() {
        Doorstep doorstep = TestDoorstep.inMemory(LONDON);
        EventSubmission past = new EventSubmission("Fair", null, LocalDate.of(2026, 2, 28), null, null, null, "nobody",
                null, null, null);

        assertThatThrownBy(() -> doorstep.events().submissions().submit(TestDoorstep.SITE, past))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::rule)
                        .containsExactly(tuple("date", "past"), tuple("organisationId", "unknown")));
        assertThat(doorstep.events().submissions().pendingSubmissions(TestDoorstep.SITE)).isEmpty();
    }
}
