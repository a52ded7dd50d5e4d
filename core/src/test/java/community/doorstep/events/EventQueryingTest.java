package community.doorstep.events;

import community.doorstep.Doorstep;
import community.doorstep.InvalidInputException;
import community.doorstep.testing.TestDoorstep;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static community.doorstep.testing.Calendars.calendar;
import static community.doorstep.testing.Calendars.concat;
import static community.doorstep.testing.Calendars.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventQueryingTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SITE = TestDoorstep.SITE;

    private final Doorstep doorstep = TestDoorstep.inMemory(LONDON);

    private void importInto(String feedId, String organisationId, String text) {
        doorstep.events().feeds().importCalendar(new Feed(SITE, feedId, organisationId, null),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Instant london(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    @Test
    void aSeriesWithoutEndIsExpandedOnlyInsideTheWindow() {
        importInto("daily", null, calendar(event("daily@x", ";TZID=Europe/London:20000101T090000", "Daily check-in call",
                "RRULE:FREQ=DAILY")));
        Event series = doorstep.events().calendar().query(EventQuery.window(SITE, london("2026-03-01T00:00"), london("2026-03-02T00:00")))
                .occurrences().get(0).event();
        assertThat(EventSpan.of(series).unbounded()).isTrue();

        List<Occurrence> june = TestDoorstep.all(doorstep, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 2), LONDON);
        assertThat(june).hasSize(31);
        assertThat(june.get(0).time().start().toLocalDateTime()).hasToString("2026-06-01T09:00");
        assertThat(june.get(30).time().start().toLocalDateTime()).hasToString("2026-07-01T09:00");
    }

    @Test
    void aRunawayRuleIsCutAtTheInstanceCap() {
        importInto("minutely", null, calendar(event("tick@x", ":20260301T000000Z", "Tick", "RRULE:FREQ=MINUTELY")));
        EventQuery week = EventQuery.window(SITE, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-08T00:00:00Z"));
        assertThat(doorstep.events().calendar().queryAll(week)).hasSizeLessThanOrEqualTo(OccurrenceExpander.MAX_INSTANCES_PER_SERIES + 1);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        importInto("weekly", null, calendar(concat(
                event("a@x", ";TZID=Europe/London:20260302T100000", "Coffee morning", "RRULE:FREQ=DAILY;COUNT=20"),
                event("b@x", ";TZID=Europe/London:20260302T100000", "Same time, other group", "RRULE:FREQ=DAILY;COUNT=20"))));
        EventQuery query = EventQuery.window(SITE, london("2026-03-01T00:00"), london("2026-04-01T00:00")).withLimit(7);
        List<String> seen = new ArrayList<>();
        OccurrencePage page = doorstep.events().calendar().query(query);
        int pages = 1;
        seen.addAll(page.occurrences().stream().map(Occurrence::id).toList());
        while (page.nextCursor() != null) {
            page = doorstep.events().calendar().query(query.withCursor(page.nextCursor()));
            seen.addAll(page.occurrences().stream().map(Occurrence::id).toList());
            pages++;
        }
        List<String> whole = doorstep.events().calendar().query(query.withLimit(100)).occurrences().stream().map(Occurrence::id).toList();
        assertThat(whole).hasSize(40);
        assertThat(seen).containsExactlyElementsOf(whole);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void aCursorThatWasNotGivenOutIsRefused() {
        EventQuery query = EventQuery.window(SITE, london("2026-03-01T00:00"), london("2026-04-01T00:00"));
        assertThatThrownBy(() -> doorstep.events().calendar().query(query.withCursor("not-a-cursor")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
    }

    @Test
    void filtersByTagOrganisationAndAccentFoldedWords() {
        importInto("lunch", "lunch-club", calendar(event("lunch@x", ":20260305T120000Z", "Cinio cymunedol",
                "CATEGORIES:Older People,Food", "LOCATION:Canolfan Cŵm")));
        importInto("youth", "youth-club", calendar(event("youth@x", ":20260305T180000Z", "Youth club",
                "CATEGORIES:Young people")));
        EventQuery march = EventQuery.window(SITE, london("2026-03-01T00:00"), london("2026-04-01T00:00"));

        assertThat(titles(march.withTags(Set.of("older-people")))).containsExactly("Cinio cymunedol");
        assertThat(titles(march.withTags(Set.of("young-people", "food")))).containsExactly("Cinio cymunedol", "Youth club");
        assertThat(titles(march.withOrganisation("youth-club"))).containsExactly("Youth club");
        assertThat(titles(march.withText("cwm"))).containsExactly("Cinio cymunedol");
        assertThat(titles(march.withText("YOUTH club"))).containsExactly("Youth club");
        assertThat(titles(march.withText("youth cinio"))).isEmpty();
    }

    @Test
    void aWindowIsHalfOpen() {
        importInto("edge", null, calendar(concat(
                event("before@x", ":20260301T090000Z", "Ends as the window opens", "DTEND:20260301T100000Z"),
                event("at-end@x", ":20260301T110000Z", "Starts as the window closes", "DTEND:20260301T120000Z"),
                event("inside@x", ":20260301T100000Z", "Instant at the start"))));
        EventQuery window = EventQuery.window(SITE, Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(titles(window)).containsExactly("Instant at the start");
    }

    private List<String> titles(EventQuery query) {
        return doorstep.events().calendar().query(query).occurrences().stream().map(o -> o.event().title()).toList();
    }
}
