package community.doorstep.store;

import community.doorstep.ConflictException;
import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import community.doorstep.events.FeedImporter;
import community.doorstep.ForbiddenException;
import community.doorstep.access.Capability;
import community.doorstep.access.Grant;
import community.doorstep.Doorstep;
import community.doorstep.NotFoundException;
import community.doorstep.access.ModerationState;
import community.doorstep.events.Event;
import community.doorstep.events.EventQuery;
import community.doorstep.events.EventSource;
import community.doorstep.events.EventStatus;
import community.doorstep.access.AccessStore;
import community.doorstep.events.EventStore;
import community.doorstep.events.EventSubmission;
import community.doorstep.events.Submitted;
import community.doorstep.events.EventTime;
import community.doorstep.events.Feed;
import community.doorstep.events.FeedImport;
import community.doorstep.events.FeedStatus;
import community.doorstep.events.ImportReport;
import community.doorstep.events.Location;
import community.doorstep.events.Recurrence;
import community.doorstep.site.Area;
import community.doorstep.site.Organisation;
import community.doorstep.site.Site;
import community.doorstep.site.Tag;
import community.doorstep.testing.TestDoorstep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static community.doorstep.testing.Calendars.calendar;
import static community.doorstep.testing.Calendars.concat;
import static community.doorstep.testing.Calendars.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every store must do, run against each implementation (memory, H2, PostgreSQL): the same results,
 * the same order, the same errors and the same report counts.
 */
public abstract class StoresContract {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SITE = TestDoorstep.SITE;
    private static final Feed FEED = new Feed(SITE, "lunch-club-feed", "lunch-club", null);

    /** Fresh, empty stores for one test. */
    protected abstract Stores openStores();

    /** Releases what {@link #openStores()} opened. */
    protected void closeStores() {
    }

    protected Stores stores;
    protected Doorstep doorstep;

    @BeforeEach
    void open() {
        stores = openStores();
        doorstep = Doorstep.builder().stores(stores).clock(Clock.fixed(TestDoorstep.NOW, ZoneOffset.UTC)).build();
        doorstep.sites().saveSite(Site.of(SITE, "Hulme Community Partnership"));
    }

    @AfterEach
    void close() {
        closeStores();
    }

    private ImportReport importText(Feed feed, String text) {
        return doorstep.events().feeds().importCalendar(feed, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> march() {
        return TestDoorstep.all(doorstep, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LONDON).stream()
                .map(o -> TestDoorstep.line(o, LONDON)).toList();
    }

    @Test
    void aTagIsCalledByItsLabelInTheResidentsLanguageAndElseAsItWasFirstWritten() {
        doorstep.sites().addTag(SITE, Tag.fromLabel("Older people"));
        doorstep.sites().addTag(SITE, Tag.fromLabel("food"));
        long before = doorstep.sites().contentVersion(SITE);
        doorstep.sites().labelTag(SITE, "older-people", Locale.forLanguageTag("cy"), "Pobl hŷn");
        doorstep.sites().labelTag(SITE, "food", Locale.forLanguageTag("cy"), "Bwyd");
        doorstep.sites().labelTag(SITE, "food", Locale.ENGLISH, "Food");

        assertThat(doorstep.sites().tagLabels(SITE, Locale.forLanguageTag("cy")))
                .containsEntry("older-people", "Pobl hŷn").containsEntry("food", "Bwyd");
        assertThat(doorstep.sites().tagLabels(SITE, Locale.ENGLISH))
                .containsEntry("older-people", "Older people").containsEntry("food", "Food");
        assertThat(doorstep.sites().contentVersion(SITE)).as("pages showing tags change").isGreaterThan(before);
        doorstep.sites().labelTag(SITE, "food", Locale.forLanguageTag("cy"), null);
        assertThat(doorstep.sites().tagLabels(SITE, Locale.forLanguageTag("cy"))).containsEntry("food", "food");
    }

    @Test
    void sitesOrganisationsAndAreasReadBackAsSaved() {
        Site cardiff = new Site("cardiff-older-people", "Cardiff Older People's Partnership", ZoneId.of("Europe/London"),
                List.of(Locale.forLanguageTag("cy"), Locale.ENGLISH), Set.of("https://a.example", "https://b.example"),
                Set.of("calendar.internal"));
        doorstep.sites().saveSite(cardiff);
        doorstep.sites().saveSite(cardiff.withZone(ZoneId.of("Europe/Dublin")).withWriteAllowance(10));
        doorstep.sites().saveOrganisation(new Organisation(SITE, "repair-cafe", "Repair Café", "hulme-north", null));
        doorstep.sites().saveOrganisation(new Organisation(SITE, "lunch-club", "lunch club", null, "https://lunch.example"));
        doorstep.sites().saveOrganisation(new Organisation(SITE, "lunch-club", "Lunch Club", null, "https://lunch.example"));
        doorstep.sites().saveArea(new Area(SITE, "moss-side", "Moss Side"));
        doorstep.sites().saveArea(new Area(SITE, "hulme-north", "Hulme North"));

        assertThat(doorstep.sites().findSite("cardiff-older-people"))
                .contains(cardiff.withZone(ZoneId.of("Europe/Dublin")).withWriteAllowance(10));
        assertThat(doorstep.sites().sites()).extracting(Site::id).containsExactly("cardiff-older-people", SITE);
        assertThat(doorstep.sites().organisations(SITE)).extracting(Organisation::name).containsExactly("Lunch Club", "Repair Café");
        assertThat(doorstep.sites().findOrganisation(SITE, "repair-cafe")).get().extracting(Organisation::areaId).isEqualTo("hulme-north");
        assertThat(doorstep.sites().findOrganisation("cardiff-older-people", "repair-cafe")).isEmpty();
        assertThat(doorstep.sites().areas(SITE)).extracting(Area::name).containsExactly("Hulme North", "Moss Side");
    }

    @Test
    void anEventWithEveryFieldReadsBackEqual() {
        ZonedDateTime start = ZonedDateTime.of(2026, 3, 29, 10, 0, 0, 0, LONDON);
        Event event = new Event(SITE, "e1", "full@x", null, 3, "Lunch club", "Soup\nand pudding",
                new EventTime(start, start.plusHours(2), false),
                new Recurrence(List.of("FREQ=WEEKLY;BYDAY=SU;UNTIL=20261025T090000Z"),
                        List.of(start.plusDays(1)), List.of(start.plusWeeks(2), start.plusWeeks(3).withZoneSameInstant(ZoneOffset.UTC))),
                new Location("St Wilfrid's", "1 Stretford Rd", "M15 5JU", 53.4631, -2.2489),
                URI.create("https://meet.google.com/abc-defg-hij"), Set.of("older-people", "food"), "lunch-club", "hulme-north",
                "Step-free; hearing loop", "£3", URI.create("https://lunch.example/book"), EventStatus.TENTATIVE,
                EventSource.API, null, ModerationState.PENDING).withLanguage("cy");
        Event override = new Event(SITE, "e2", "full@x", start.plusWeeks(1), true, 3, "Lunch club (moved)", null,
                new EventTime(start.plusWeeks(1).plusHours(1), start.plusWeeks(1).plusHours(3), false), null, null, null,
                null, null, null, null, null, null, EventStatus.CANCELLED, EventSource.API, null, null, "en-GB");
        Event allDay = new Event(SITE, "e3", "fair@x", null, 0, "Summer fair", null,
                new EventTime(LocalDate.of(2026, 7, 17).atStartOfDay(LONDON), LocalDate.of(2026, 7, 19).atStartOfDay(LONDON), true),
                null, null, null, null, null, null, null, null, null, null, EventSource.API, null, null);
        EventStore events = EventStore.of(stores);
        events.save(event);
        events.save(override);
        events.save(allDay);

        assertThat(events.find(SITE, "e1")).contains(event);
        assertThat(events.find(SITE, "e2")).contains(override);
        assertThat(events.find(SITE, "e3")).contains(allDay);
        assertThat(events.find("elsewhere", "e1")).isEmpty();
        assertThat(events.findOverrides(SITE, List.of("full@x", "fair@x"))).containsExactly(override);

        events.delete(SITE, "e2");
        events.delete(SITE, "e2");
        assertThat(events.find(SITE, "e2")).isEmpty();
    }

    @Test
    void overlappingFindsShortLongAndEndlessEventsThatMayTouchTheWindow() {
        EventStore events = EventStore.of(stores);
        events.save(simple("before", "2026-02-20T10:00:00Z", "2026-02-20T11:00:00Z", List.of()));
        events.save(simple("inside", "2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z", List.of()));
        events.save(simple("three-day", "2026-02-27T10:00:00Z", "2026-03-02T11:00:00Z", List.of()));
        events.save(simple("ended-series", "2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z", List.of("FREQ=WEEKLY;COUNT=4")));
        events.save(simple("long-series", "2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z", List.of("FREQ=WEEKLY;COUNT=20")));
        events.save(simple("endless", "2025-01-05T10:00:00Z", "2025-01-05T11:00:00Z", List.of("FREQ=MONTHLY")));
        events.save(simple("later-series", "2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z", List.of("FREQ=DAILY")));

        List<Event> found = events.findOverlapping(SITE, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(found).extracting(Event::uid)
                .contains("inside", "three-day", "long-series", "endless")
                .doesNotContain("before", "ended-series", "later-series");
    }

    private static Event simple(String uid, String start, String end, List<String> rules) {
        return new Event(SITE, uid, uid, null, 0, uid, null,
                new EventTime(ZonedDateTime.parse(start), ZonedDateTime.parse(end), false),
                new Recurrence(rules, List.of(), List.of()), null, null, null, null, null, null, null, null,
                null, EventSource.API, null, null);
    }

    @Test
    void importReportsAndQueriesAreTheSame() {
        ImportReport first = importText(FEED, calendar(concat(
                event("a@x", ";TZID=Europe/London:20260303T120000", "Lunch club", "RRULE:FREQ=WEEKLY;COUNT=4"),
                event("a@x", ";TZID=Europe/London:20260312T130000", "Lunch club (Thursday)",
                        "RECURRENCE-ID;TZID=Europe/London:20260310T120000"),
                event("b@x", ":20260306T120000Z", "Repair café"),
                event("c@x", ";VALUE=DATE:20260307", "Knit and natter day"))));
        assertThat(first).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged, ImportReport::removed)
                .containsExactly(4, 0, 0, 0);
        assertThat(march()).containsExactly(
                "2026-03-03T12:00:00Z 2026-03-03T12:00:00Z confirmed a@x Lunch club",
                "2026-03-06T12:00:00Z 2026-03-06T12:00:00Z confirmed b@x Repair café",
                "2026-03-07 2026-03-08 confirmed c@x Knit and natter day",
                "2026-03-12T13:00:00Z 2026-03-12T13:00:00Z confirmed a@x Lunch club (Thursday)",
                "2026-03-17T12:00:00Z 2026-03-17T12:00:00Z confirmed a@x Lunch club",
                "2026-03-24T12:00:00Z 2026-03-24T12:00:00Z confirmed a@x Lunch club");

        ImportReport second = importText(FEED, calendar(concat(
                event("a@x", ";TZID=Europe/London:20260303T120000", "Lunch club", "RRULE:FREQ=WEEKLY;COUNT=4"),
                event("b@x", ":20260306T140000Z", "Repair café", "STATUS:CANCELLED"),
                event("d@x", ":20260320T090000Z", "Walking group"))));
        assertThat(second).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged, ImportReport::removed)
                .containsExactly(1, 1, 1, 2);
        assertThat(march()).containsExactly(
                "2026-03-03T12:00:00Z 2026-03-03T12:00:00Z confirmed a@x Lunch club",
                "2026-03-06T14:00:00Z 2026-03-06T14:00:00Z cancelled b@x Repair café",
                "2026-03-10T12:00:00Z 2026-03-10T12:00:00Z confirmed a@x Lunch club",
                "2026-03-17T12:00:00Z 2026-03-17T12:00:00Z confirmed a@x Lunch club",
                "2026-03-20T09:00:00Z 2026-03-20T09:00:00Z confirmed d@x Walking group",
                "2026-03-24T12:00:00Z 2026-03-24T12:00:00Z confirmed a@x Lunch club");
    }

    @Test
    void aFailedImportKeepsTheLastGoodEventsAndRecordsWhy() {
        importText(FEED, calendar(event("a@x", ":20260305T120000Z", "Lunch club")));
        assertThatThrownBy(() -> importText(FEED, "<html>Service unavailable</html>"))
                .hasMessageContaining("line 1");
        assertThat(march()).containsExactly("2026-03-05T12:00:00Z 2026-03-05T12:00:00Z confirmed a@x Lunch club");
        FeedStatus status = doorstep.events().feeds().feedStatus(SITE, FEED.id()).orElseThrow();
        assertThat(status.lastError()).contains("line 1");
        assertThat(status.lastSuccess()).isEqualTo(TestDoorstep.NOW);
        assertThat(status.lastAttempt()).isEqualTo(TestDoorstep.NOW);
        assertThat(status.checksum()).isNotNull();

        importText(FEED, calendar(event("a@x", ":20260305T120000Z", "Lunch club")));
        assertThat(doorstep.events().feeds().feedStatus(SITE, FEED.id()).orElseThrow().lastError()).isNull();
    }

    @Test
    void twoImportsOfOneFeedAtOnceBothSucceedAndLeaveOneCopy() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                // each round brings a tag the site has not seen, which both imports add
                String text = calendar(concat(event("a@x", ":20260305T120000Z", "Lunch club " + round),
                        event("b" + round + "@x", ":20260306T120000Z", "Lunch club again", "CATEGORIES:Round " + round)));
                var first = threads.submit(() -> importText(FEED, text));
                var second = threads.submit(() -> importText(FEED, text));
                first.get();
                second.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(EventStore.of(stores).feedEvents(SITE, FEED.id())).extracting(Event::uid)
                .containsExactlyInAnyOrder("a@x", "b9@x");
        assertThat(doorstep.sites().tags(SITE)).extracting(Tag::id).contains("round-0", "round-9");
    }

    @Test
    void deletingAFeedRemovesItsStatusAndEveryEventItBroughtAndNothingElse() {
        importText(FEED, calendar(concat(event("a@x", ":20260305T120000Z", "Lunch club"),
                event("b@x", ":20260306T120000Z", "Lunch club again"))));
        Feed other = new Feed(SITE, "repair-feed", "repair-cafe", null);
        importText(other, calendar(event("c@x", ":20260305T150000Z", "Repair café")));

        doorstep.events().feeds().deleteFeed(SITE, FEED.id());

        assertThat(EventStore.of(stores).feedEvents(SITE, FEED.id())).isEmpty();
        assertThat(doorstep.events().feeds().feedStatus(SITE, FEED.id())).isEmpty();
        assertThat(doorstep.events().feeds().feeds(SITE)).extracting(Feed::id).containsExactly("repair-feed");
        assertThat(EventStore.of(stores).feedEvents(SITE, "repair-feed")).hasSize(1);
        doorstep.events().feeds().deleteFeed(SITE, FEED.id());
    }

    @Test
    void anOrganisationHasAtMostTenFeeds() {
        for (int i = 0; i < FeedImporter.MAX_FEEDS_PER_ORGANISATION; i++) {
            doorstep.events().feeds().registerFeed(new Feed(SITE, "lunch-" + i, "lunch-club", null));
        }
        assertThatThrownBy(() -> doorstep.events().feeds().registerFeed(new Feed(SITE, "lunch-extra", "lunch-club", null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::rule).containsExactly("too-many"));
        // changing one it has is not adding one
        doorstep.events().feeds().registerFeed(new Feed(SITE, "lunch-0", "lunch-club", URI.create("https://lunch.example/new.ics")));
        doorstep.events().feeds().deleteFeed(SITE, "lunch-1");
        doorstep.events().feeds().registerFeed(new Feed(SITE, "lunch-extra", "lunch-club", null));
        assertThat(doorstep.events().feeds().feeds(SITE)).hasSize(FeedImporter.MAX_FEEDS_PER_ORGANISATION);
    }

    @Test
    void anImportThatBreaksAUniqueKeyChangesNothing() {
        importText(FEED, calendar(concat(event("a@x", ":20260305T120000Z", "Lunch club"),
                event("b@x", ":20260306T120000Z", "Repair café"))));
        List<Event> before = EventStore.of(stores).feedEvents(SITE, FEED.id());
        Event a = before.stream().filter(e -> e.uid().equals("a@x")).findFirst().orElseThrow();
        Event b = before.stream().filter(e -> e.uid().equals("b@x")).findFirst().orElseThrow();
        FeedImport clash = new FeedImport(SITE, FEED.id(), List.of(b.withId("new-id").withId("other"), a.withId("second-a")),
                List.of(b.id()), "checksum", Instant.parse("2026-03-02T00:00:00Z"), null, null);

        assertThatThrownBy(() -> EventStore.of(stores).apply(clash)).isInstanceOf(ConflictException.class);
        assertThat(EventStore.of(stores).feedEvents(SITE, FEED.id())).containsExactlyInAnyOrderElementsOf(before);
        assertThat(EventStore.of(stores).feedStatus(SITE, FEED.id()).orElseThrow().lastSuccess()).isEqualTo(TestDoorstep.NOW);
    }

    @Test
    void aFeedsServerValidatorsAreKeptForTheNextConditionalFetch() {
        EventStore.of(stores).apply(new FeedImport(SITE, "lunch", List.of(), List.of(), "sum", TestDoorstep.NOW,
                "\"abc-123\"", "Sun, 01 Mar 2026 08:00:00 GMT"));
        EventStore.of(stores).recordFeedFailure(SITE, "lunch", TestDoorstep.NOW.plusSeconds(60), "HTTP 503");
        FeedStatus status = EventStore.of(stores).feedStatus(SITE, "lunch").orElseThrow();
        assertThat(status).isEqualTo(new FeedStatus(SITE, "lunch", TestDoorstep.NOW.plusSeconds(60), TestDoorstep.NOW,
                "HTTP 503", "sum", "\"abc-123\"", "Sun, 01 Mar 2026 08:00:00 GMT"));
        assertThat(EventStore.of(stores).feeds(SITE)).extracting(Feed::id).containsExactly("lunch");
    }

    @Test
    void theContentVersionMovesWithEveryChangeResidentsCouldSeeAndOnlyThen() {
        long start = doorstep.sites().contentVersion(SITE);
        String text = calendar(event("a@x", ":20260305T120000Z", "Lunch club"));
        importText(FEED, text);
        long afterImport = doorstep.sites().contentVersion(SITE);
        assertThat(afterImport).isGreaterThan(start);

        importText(FEED, text);
        importText(FEED, text + "\r\n");
        assertThat(doorstep.sites().contentVersion(SITE)).isEqualTo(afterImport);

        doorstep.sites().saveOrganisation(new Organisation(SITE, "lunch-club", "Lunch Club", null, null));
        long afterOrganisation = doorstep.sites().contentVersion(SITE);
        assertThat(afterOrganisation).isGreaterThan(afterImport);

        Submitted submitted = doorstep.events().submissions().submit(SITE, new EventSubmission("Street party", null,
                LocalDate.of(2026, 3, 14), null, null, null, null, null, null, null));
        doorstep.events().submissions().moderate(SITE, submitted.event().id(), ModerationState.APPROVED);
        long afterModeration = doorstep.sites().contentVersion(SITE);
        assertThat(afterModeration).isGreaterThan(afterOrganisation);
        assertThat(doorstep.sites().contentVersion("nowhere")).isZero();
    }

    @Test
    void tagsFromCalendarsAreKeptWithTheWordsFirstWrittenForThem() {
        importText(FEED, calendar(event("a@x", ":20260305T120000Z", "Lunch club", "CATEGORIES:Older People,Food")));
        importText(new Feed(SITE, "other", null, null),
                calendar(event("b@x", ":20260306T120000Z", "Tea dance", "CATEGORIES:older people,Dancing")));
        doorstep.sites().addTag(SITE, new Tag("food", "Bwyd"));

        assertThat(doorstep.sites().tags(SITE)).containsExactly(new Tag("dancing", "Dancing"), new Tag("food", "Food"),
                new Tag("older-people", "Older People"));
        assertThat(doorstep.sites().tags("cardiff")).isEmpty();
    }

    @Test
    void feedsAreRegisteredAndListed() {
        Feed withUrl = new Feed(SITE, "repair", "repair-cafe", URI.create("https://calendar.example/repair.ics"));
        doorstep.events().feeds().registerFeed(withUrl);
        doorstep.events().feeds().registerFeed(new Feed(SITE, "lunch", "lunch-club", URI.create("https://calendar.example/old.ics")));
        doorstep.events().feeds().registerFeed(new Feed(SITE, "lunch", "lunch-club", URI.create("https://calendar.example/lunch.ics")));
        assertThat(doorstep.events().feeds().feeds(SITE)).extracting(Feed::id).containsExactly("lunch", "repair");
        assertThat(EventStore.of(stores).findFeed(SITE, "lunch")).get().extracting(Feed::url)
                .isEqualTo(URI.create("https://calendar.example/lunch.ics"));
        assertThat(doorstep.events().feeds().feedStatus(SITE, "repair")).isEmpty();
        assertThatThrownBy(() -> doorstep.events().feeds().registerFeed(new Feed("nowhere", "x", null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyCorpusCalendarQueriesTheSameAsInMemory() throws IOException, URISyntaxException {
        Path corpus = Path.of(Objects.requireNonNull(
                StoresContract.class.getResource("/community/doorstep/events/ical/corpus")).toURI());
        List<Path> calendars;
        try (Stream<Path> files = Files.list(corpus)) {
            calendars = files.filter(f -> f.toString().endsWith(".ics")).sorted().toList();
        }
        Doorstep reference = TestDoorstep.inMemory(LONDON);
        int compared = 0;
        for (Path calendar : calendars) {
            Feed feed = new Feed(SITE, "corpus-" + compared, null, null);
            ImportReport expected;
            try {
                expected = importFile(reference, feed, calendar);
            } catch (RuntimeException rejected) {
                assertThatThrownBy(() -> importFile(doorstep, feed, calendar)).hasMessage(rejected.getMessage());
                continue;
            }
            ImportReport actual = importFile(doorstep, feed, calendar);
            assertThat(actual).as(calendar.getFileName().toString()).isEqualTo(expected);
            compared++;
        }
        assertThat(compared).isGreaterThan(20);
        for (int year = 2026; year <= 2027; year++) {
            LocalDate from = LocalDate.of(year, 1, 1);
            assertThat(lines(doorstep, from)).isEqualTo(lines(reference, from));
        }
    }

    private static ImportReport importFile(Doorstep target, Feed feed, Path calendar) {
        try (InputStream in = Files.newInputStream(calendar)) {
            return target.events().feeds().importCalendar(feed, in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(Doorstep target, LocalDate from) {
        return TestDoorstep.all(target, from, from.plusYears(1), LONDON).stream()
                .map(o -> TestDoorstep.line(o, LONDON) + " " + o.event().feedId()).toList();
    }

    @Test
    void concurrentImportsOfDifferentFeedsAndQueriesLoseNothing() throws Exception {
        int feeds = 6;
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(feeds + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            AtomicBoolean importing = new AtomicBoolean(true);
            for (int f = 0; f < feeds; f++) {
                int feedNo = f;
                work.add(pool.submit(() -> {
                    for (int round = 1; round <= rounds; round++) {
                        importText(new Feed(SITE, "feed-" + feedNo, null, null), roundCalendar(feedNo, round));
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int queries = 0;
                    do {
                        // Each feed always holds exactly five events in March, whatever round it is in.
                        int seen = march().size();
                        assertThat(seen % 5).isZero();
                        queries++;
                    } while (importing.get());
                    return queries;
                }));
            }
            for (Future<?> done : work) {
                done.get(120, TimeUnit.SECONDS);
            }
            importing.set(false);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(120, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> titles = TestDoorstep.all(doorstep, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), LONDON).stream()
                .map(o -> o.event().title()).toList();
        assertThat(titles).hasSize(feeds * 5).allMatch(title -> title.endsWith("round " + rounds));
    }

    /** Five events in March for one feed; each round moves them and renames them, so every import changes all. */
    private static String roundCalendar(int feedNo, int round) {
        String[][] events = new String[5][];
        for (int i = 0; i < 5; i++) {
            events[i] = event("feed" + feedNo + "-" + i + "@x", ":202603" + String.format("%02d", 2 + i * 5 + round) + "T1"
                    + feedNo + "0000Z", "Group " + feedNo + " event " + i + " round " + round);
        }
        return calendar(concat(events));
    }

    @Test
    void secretLinksAreLongRandomStoredOnlyAsAHashAndScopedToTheirSiteAndUse() {
        String token = doorstep.access().issue(SITE, Capability.ORGANISER, "lunch-club");
        String other = doorstep.access().issue(SITE, Capability.ORGANISER, "lunch-club");

        assertThat(token).matches("[0-9a-z]{26}").isNotEqualTo(other); // 130 bits, URL-safe
        Grant grant = doorstep.access().find(SITE, Capability.ORGANISER, token).orElseThrow();
        assertThat(grant.subjectId()).isEqualTo("lunch-club");
        assertThat(grant.tokenHash()).isNotEqualTo(token).doesNotContain(token);
        assertThat(AccessStore.of(stores).findByHash(grant.tokenHash())).contains(grant);

        assertThat(doorstep.access().find(SITE, Capability.SITE_ADMIN, token)).isEmpty();
        assertThat(doorstep.access().find("cardiff", Capability.ORGANISER, token)).isEmpty();
        assertThat(doorstep.access().find(SITE, Capability.ORGANISER, token.substring(1) + "A")).isEmpty();
        assertThat(doorstep.access().find(SITE, Capability.ORGANISER, "short")).isEmpty();

        doorstep.access().revoke(SITE, Capability.ORGANISER, "lunch-club");
        assertThat(doorstep.access().find(SITE, Capability.ORGANISER, token)).isEmpty();
        assertThat(doorstep.access().find(SITE, Capability.ORGANISER, other)).isEmpty();
        assertThatThrownBy(() -> doorstep.access().require(SITE, Capability.ORGANISER, token))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aSuggestionWaitsForACoordinatorAndIsManagedThroughItsLink() {
        EventSubmission suggestion = new EventSubmission("Street party", "Bring a dish", LocalDate.of(2026, 3, 14),
                LocalTime.of(14, 0), null, "Royce Road", null, "Free", "Step-free", null);
        Submitted submitted = doorstep.events().submissions().submit(SITE, suggestion);

        assertThat(submitted.toString()).doesNotContain(submitted.manageToken());
        assertThat(march()).isEmpty();
        assertThatThrownBy(() -> doorstep.events().calendar().event(SITE, submitted.event().id())).isInstanceOf(NotFoundException.class);
        assertThat(doorstep.events().submissions().pendingSubmissions(SITE)).extracting(Event::title).containsExactly("Street party");

        Event edited = doorstep.events().submissions().editSubmission(SITE, submitted.manageToken(), new EventSubmission("Street party",
                "Bring a dish and a chair", LocalDate.of(2026, 3, 14), LocalTime.of(13, 0), LocalTime.of(17, 0),
                "Royce Road", null, "Free", null, null));
        assertThat(edited.moderation()).isEqualTo(ModerationState.PENDING);
        assertThat(doorstep.events().submissions().submission(SITE, submitted.manageToken()).description()).isEqualTo("Bring a dish and a chair");

        doorstep.events().submissions().moderate(SITE, submitted.event().id(), ModerationState.APPROVED);
        assertThat(march()).containsExactly(
                "2026-03-14T13:00:00Z 2026-03-14T17:00:00Z confirmed " + submitted.event().uid() + " Street party");
        assertThat(doorstep.events().submissions().pendingSubmissions(SITE)).isEmpty();

        doorstep.events().submissions().moderate(SITE, submitted.event().id(), ModerationState.REJECTED);
        assertThat(march()).isEmpty();

        doorstep.events().submissions().withdrawSubmission(SITE, submitted.manageToken());
        assertThat(EventStore.of(stores).find(SITE, submitted.event().id())).isEmpty();
        assertThatThrownBy(() -> doorstep.events().submissions().submission(SITE, submitted.manageToken()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aDecisionOnASuggestionAsItWasReadIsRefusedOnceItsAuthorChangedItAndPublishesNothingUnseen() throws Exception {
        Submitted submitted = doorstep.events().submissions().submit(SITE, new EventSubmission("Street party",
                "Bring a dish", LocalDate.of(2026, 3, 14), LocalTime.of(14, 0), null, "Royce Road", null, null, null, null));
        String read = doorstep.events().submissions().pendingSubmissions(SITE).get(0).revision();
        doorstep.events().submissions().editSubmission(SITE, submitted.manageToken(), new EventSubmission("Street party",
                "Something the coordinator never read", LocalDate.of(2026, 3, 14), LocalTime.of(14, 0), null,
                "Royce Road", null, null, null, null));

        assertThatThrownBy(() -> doorstep.events().submissions().moderate(SITE, submitted.event().id(),
                ModerationState.APPROVED, read)).isInstanceOf(ConflictException.class);
        assertThat(march()).isEmpty();
        Event now = doorstep.events().submissions().pendingSubmissions(SITE).get(0);
        assertThat(now.revision()).isNotEqualTo(read).isEqualTo(EventStore.of(stores).find(SITE, now.id()).orElseThrow().revision());
        doorstep.events().submissions().moderate(SITE, now.id(), ModerationState.APPROVED, now.revision());
        assertThat(march()).hasSize(1);

        // an edit and a decision at the same moment: either the decision stands over what was read, or it is refused
        for (int round = 0; round < 20; round++) {
            Event shown = doorstep.events().submissions().editSubmission(SITE, submitted.manageToken(), new EventSubmission(
                    "Street party", "Round " + round, LocalDate.of(2026, 3, 14), LocalTime.of(14, 0), null, "Royce Road",
                    null, null, null, null));
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                int next = round;
                Future<?> edit = threads.submit(() -> doorstep.events().submissions().editSubmission(SITE,
                        submitted.manageToken(), new EventSubmission("Street party", "Unseen " + next, LocalDate.of(2026, 3, 14),
                                LocalTime.of(14, 0), null, "Royce Road", null, null, null, null)));
                Future<Boolean> decision = threads.submit(() -> {
                    try {
                        doorstep.events().submissions().moderate(SITE, shown.id(), ModerationState.APPROVED, shown.revision());
                        return true;
                    } catch (ConflictException refused) {
                        return false;
                    }
                });
                edit.get(30, TimeUnit.SECONDS);
                decision.get(30, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            // whichever came first, the edit is kept and waits for a coordinator: never lost, never public unseen
            Event after = EventStore.of(stores).find(SITE, shown.id()).orElseThrow();
            assertThat(after).as("round %d", round).extracting(Event::description, Event::moderation)
                    .containsExactly("Unseen " + round, ModerationState.PENDING);
        }
    }

    @Test
    void onlySuggestionsAreModerated() {
        importText(FEED, calendar(event("a@x", ":20260305T120000Z", "Lunch club")));
        String feedEventId = EventStore.of(stores).feedEvents(SITE, FEED.id()).get(0).id();
        assertThatThrownBy(() -> doorstep.events().submissions().moderate(SITE, feedEventId, ModerationState.REJECTED))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aWindowQueryOnAnUnknownSiteIsNotFound() {
        assertThatThrownBy(() -> doorstep.events().calendar().query(EventQuery.window("nowhere",
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"))))
                .isInstanceOf(NotFoundException.class);
    }
}
