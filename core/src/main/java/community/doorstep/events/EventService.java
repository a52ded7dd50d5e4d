package community.doorstep.events;

import community.doorstep.DoorstepException;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import community.doorstep.access.AccessService;
import community.doorstep.access.Capability;
import community.doorstep.access.Grant;
import community.doorstep.access.ModerationState;
import community.doorstep.events.ical.CalendarReader;
import community.doorstep.events.ical.CalendarWriter;
import community.doorstep.events.ical.Checksums;
import community.doorstep.events.ical.FeedFetcher;
import community.doorstep.events.ical.ParsedCalendar;
import community.doorstep.internal.Ids;
import community.doorstep.internal.Validator;
import community.doorstep.site.Site;
import community.doorstep.site.SiteStore;
import community.doorstep.site.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The community calendar of every site: window queries over expanded occurrences, iCal import from groups'
 * feeds and iCal export. Get it from {@link community.doorstep.Doorstep#events()}.
 */
public final class EventService {
    private final SiteStore sites;
    private final EventStore events;
    private final Clock clock;
    private final FeedFetcher fetcher;
    private final AccessService access;

    /** Wired by {@link community.doorstep.Doorstep}; host applications get the service from there. */
    public EventService(SiteStore sites, EventStore events, Clock clock, FeedFetcher fetcher, AccessService access) {
        this.sites = sites;
        this.events = events;
        this.clock = clock;
        this.fetcher = fetcher;
        this.access = access;
    }

    /**
     * Takes a resident's suggestion: stored hidden until a coordinator approves it, with a manage link
     * for the resident to edit or withdraw it.
     */
    public Submitted submit(String siteId, EventSubmission submission) {
        Site site = requireSite(siteId);
        checkSuggestion(site, submission);
        String id = Ids.newId();
        Event event = submittedEvent(site, id, "submission-" + id + "@doorstep", submission);
        events.save(event);
        return new Submitted(event, access.issue(siteId, Capability.SUBMISSION, id));
    }

    /** The suggestion behind a manage link, whatever its moderation state. */
    public Event submission(String siteId, String manageToken) {
        Grant grant = access.require(siteId, Capability.SUBMISSION, manageToken);
        return events.find(siteId, grant.subjectId())
                .orElseThrow(() -> new NotFoundException("this suggestion has been removed"));
    }

    /** Changes a suggestion through its manage link; it waits for a coordinator again. */
    public Event editSubmission(String siteId, String manageToken, EventSubmission submission) {
        Event before = submission(siteId, manageToken);
        Site site = requireSite(siteId);
        checkSuggestion(site, submission);
        Event after = submittedEvent(site, before.id(), before.uid(), submission);
        events.save(after);
        return after;
    }

    /** Withdraws a suggestion: the event and its manage link are gone. */
    public void withdrawSubmission(String siteId, String manageToken) {
        Event event = submission(siteId, manageToken);
        events.delete(siteId, event.id());
        access.revoke(siteId, Capability.SUBMISSION, event.id());
    }

    /** Suggestions waiting for a coordinator, oldest start first. */
    public List<Event> pendingSubmissions(String siteId) {
        requireSite(siteId);
        return events.findByModeration(siteId, ModerationState.PENDING).stream()
                .sorted(java.util.Comparator.comparing((Event e) -> e.time().start().toInstant()).thenComparing(Event::id))
                .toList();
    }

    /** A coordinator's decision on a suggestion: approved ones become public, rejected ones stay hidden. */
    public Event moderate(String siteId, String eventId, ModerationState decision) {
        Event event = events.find(siteId, eventId)
                .filter(e -> e.source() == EventSource.SUBMISSION)
                .orElseThrow(() -> new NotFoundException("there is no suggested event " + eventId + " on site " + siteId));
        Event decided = event.withModeration(decision);
        events.save(decided);
        return decided;
    }

    /** The rules a suggestion meets that need the site and the clock: a day still to come, a known group. */
    private void checkSuggestion(Site site, EventSubmission submission) {
        Validator check = new Validator();
        check.that(!submission.date().isBefore(LocalDate.now(clock.withZone(site.zone()))), "date", "past",
                "date must be today or later");
        check.that(submission.organisationId() == null
                        || sites.findOrganisation(site.id(), submission.organisationId()).isPresent(),
                "organisationId", "unknown", "organisationId names no organisation of this site");
        check.done();
    }

    private static Event submittedEvent(Site site, String id, String uid, EventSubmission submission) {
        EventTime time;
        if (submission.startTime() == null) {
            time = new EventTime(submission.date().atStartOfDay(site.zone()),
                    submission.date().plusDays(1).atStartOfDay(site.zone()), true);
        } else {
            var start = submission.date().atTime(submission.startTime()).atZone(site.zone());
            var end = submission.endTime() == null ? start.plusHours(1)
                    : submission.date().atTime(submission.endTime()).atZone(site.zone());
            time = new EventTime(start, end, false);
        }
        return new Event(site.id(), id, uid, null, 0, submission.title(), submission.description(), time, null,
                submission.place() == null ? null : Location.named(submission.place()), null, null,
                submission.organisationId(), null, submission.accessibility(), submission.cost(),
                submission.bookingLink(), EventStatus.CONFIRMED, EventSource.SUBMISSION, null, ModerationState.PENDING);
    }

    /** One page of the occurrences the query asks for, in start order. */
    public OccurrencePage query(EventQuery query) {
        List<Occurrence> all = occurrences(query);
        OccurrenceCursor after = OccurrenceCursor.decode(query.cursor());
        List<Occurrence> page = new ArrayList<>();
        for (Occurrence occurrence : all) {
            if (after != null && !after.isBefore(occurrence)) {
                continue;
            }
            if (page.size() == query.limit()) {
                return new OccurrencePage(page, OccurrenceCursor.of(page.get(page.size() - 1)).encode());
            }
            page.add(occurrence);
        }
        return new OccurrencePage(page, null);
    }

    /**
     * Every occurrence the query matches, all pages at once (its limit and cursor are ignored): for exports
     * and tools that need the whole window, not for pages residents scroll.
     */
    public List<Occurrence> queryAll(EventQuery query) {
        return occurrences(query);
    }

    /** One public event by id. */
    public Event event(String siteId, String eventId) {
        requireSite(siteId);
        return events.find(siteId, eventId)
                .filter(event -> event.moderation() == ModerationState.APPROVED)
                .orElseThrow(() -> new NotFoundException("there is no event " + eventId + " on site " + siteId));
    }

    /** Registers a group's feed (or changes its organisation or address); its events and status stay. */
    public void registerFeed(Feed feed) {
        requireSite(feed.siteId());
        events.saveFeed(feed);
    }

    /** The feeds registered for a site, by id. */
    public List<Feed> feeds(String siteId) {
        requireSite(siteId);
        return events.feeds(siteId);
    }

    /** How a feed's imports have gone; empty before the first attempt. */
    public Optional<FeedStatus> feedStatus(String siteId, String feedId) {
        requireSite(siteId);
        return events.feedStatus(siteId, feedId);
    }

    /** Imports a calendar handed over as a stream (read to the end, not closed). */
    public ImportReport importCalendar(Feed feed, InputStream calendar) {
        Site site = requireSite(feed.siteId());
        return recordingFailure(feed, () -> importText(site, feed, readCapped(calendar), null));
    }

    /** Imports a calendar file. */
    public ImportReport importCalendar(Feed feed, Path file) {
        Site site = requireSite(feed.siteId());
        return recordingFailure(feed, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return importText(site, feed, readCapped(in), null);
            } catch (IOException e) {
                throw InvalidInputException.of("file", "readable", "cannot read " + file.getFileName() + ": " + e.getMessage());
            }
        });
    }

    /** Fetches the feed's URL and imports what it holds; a failure is recorded in its status and thrown. */
    public ImportReport importCalendar(Feed feed) {
        if (feed.url() == null) {
            throw InvalidInputException.of("url", "required", "the feed has no url to fetch");
        }
        Site site = requireSite(feed.siteId());
        return recordingFailure(feed, () -> {
            Optional<FeedStatus> status = events.feedStatus(site.id(), feed.id()).filter(s -> s.lastSuccess() != null);
            FeedFetcher.Fetched fetched = fetcher.fetch(feed.url(), site.trustedFeedHosts(),
                    status.map(FeedStatus::etag).orElse(null), status.map(FeedStatus::lastModified).orElse(null));
            if (fetched.notModified()) {
                return unchanged(feed, status.orElseThrow().checksum(), fetched);
            }
            return importText(site, feed, fetched.body(), fetched);
        });
    }

    /**
     * Refreshes every registered feed with an address whose last attempt is older than the interval (or that
     * was never tried). A failing feed keeps its events and records its error; the others go on.
     *
     * @return one line per feed tried: its id and what happened, in plain words
     */
    public List<String> refreshDueFeeds(Duration interval) {
        List<String> outcomes = new ArrayList<>();
        for (Site site : sites.sites()) {
            for (Feed feed : events.feeds(site.id())) {
                boolean due = feed.url() != null && events.feedStatus(site.id(), feed.id())
                        .map(FeedStatus::lastAttempt)
                        .map(last -> !clock.instant().isBefore(last.plus(interval)))
                        .orElse(true);
                if (!due) {
                    continue;
                }
                try {
                    ImportReport report = importCalendar(feed);
                    outcomes.add(site.id() + "/" + feed.id() + ": " + (report.calendarUnchanged() ? "unchanged"
                            : report.created() + " new, " + report.updated() + " changed, " + report.removed() + " removed"));
                } catch (DoorstepException e) {
                    outcomes.add(site.id() + "/" + feed.id() + ": failed: " + e.getMessage());
                }
            }
        }
        return outcomes;
    }

    /** A failed import keeps the feed's last good events and says why it failed. */
    private ImportReport recordingFailure(Feed feed, Supplier<ImportReport> attempt) {
        try {
            return attempt.get();
        } catch (DoorstepException e) {
            events.recordFeedFailure(feed.siteId(), feed.id(), clock.instant(), e.getMessage());
            throw e;
        }
    }

    private static String readCapped(InputStream calendar) {
        try {
            byte[] bytes = calendar.readNBytes(FeedFetcher.MAX_BYTES + 1);
            if (bytes.length > FeedFetcher.MAX_BYTES) {
                throw InvalidInputException.of("calendar", "too-large",
                        "calendar must be at most " + FeedFetcher.MAX_BYTES / (1024 * 1024) + " MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DoorstepException("could not read the calendar: " + e.getMessage(), e);
        }
    }

    /** Records a success that changed nothing: the calendar is as it was. */
    private ImportReport unchanged(Feed feed, String checksum, FeedFetcher.Fetched fetched) {
        int kept = events.feedEvents(feed.siteId(), feed.id()).size();
        events.apply(new FeedImport(feed.siteId(), feed.id(), List.of(), List.of(), checksum, clock.instant(),
                fetched == null ? null : fetched.etag(), fetched == null ? null : fetched.lastModified()));
        return new ImportReport(feed.id(), 0, 0, kept, 0, List.of(), true);
    }

    private ImportReport importText(Site site, Feed feed, String text, FeedFetcher.Fetched fetched) {
        String checksum = Checksums.ofCalendar(text);
        if (events.feedStatus(site.id(), feed.id()).map(FeedStatus::checksum).filter(checksum::equals).isPresent()) {
            return unchanged(feed, checksum, fetched);
        }
        List<Event> previous = events.feedEvents(site.id(), feed.id());
        ParsedCalendar parsed = CalendarReader.read(text, site.zone(), feed);
        Set<String> known = sites.tags(site.id()).stream().map(Tag::id).collect(Collectors.toSet());
        parsed.tags().stream().filter(tag -> !known.contains(tag.id())).forEach(tag -> sites.addTag(site.id(), tag));
        Map<String, Event> existing = new HashMap<>();
        for (Event event : previous) {
            existing.put(event.importKey(), event);
        }
        List<Event> upserts = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Event incoming : parsed.events()) {
            Event before = existing.remove(incoming.importKey());
            if (before == null) {
                upserts.add(incoming.withId(Ids.newId()));
                created++;
            } else {
                Event kept = incoming.withId(before.id());
                if (kept.equals(before)) {
                    unchanged++;
                } else {
                    upserts.add(kept);
                    updated++;
                }
            }
        }
        List<String> removed = existing.values().stream().map(Event::id).toList();
        events.apply(new FeedImport(site.id(), feed.id(), upserts, removed, checksum, clock.instant(),
                fetched == null ? null : fetched.etag(), fetched == null ? null : fetched.lastModified()));
        return new ImportReport(feed.id(), created, updated, unchanged, removed.size(), parsed.skipped(), false);
    }

    /** The events behind a query's occurrences (whole series, with their overrides) as an iCal calendar. */
    public String exportCalendar(EventQuery query) {
        Site site = requireSite(query.siteId());
        Map<String, Event> chosen = new LinkedHashMap<>();
        for (Occurrence occurrence : occurrences(query)) {
            chosen.putIfAbsent(occurrence.event().id(), occurrence.event());
        }
        Set<String> seriesUids = chosen.values().stream().filter(e -> e.recurrence().repeats())
                .map(Event::uid).collect(Collectors.toSet());
        for (Event override : events.findOverrides(site.id(), seriesUids)) {
            if (override.moderation() == ModerationState.APPROVED) {
                chosen.putIfAbsent(override.id(), override);
            }
        }
        return CalendarWriter.write(site.name(), List.copyOf(chosen.values()), clock.instant());
    }

    /** One event (with its overrides, if a series) as a calendar for "add to calendar". */
    public String exportEvent(String siteId, String eventId) {
        Site site = requireSite(siteId);
        Event event = event(siteId, eventId);
        List<Event> chosen = new ArrayList<>(List.of(event));
        if (event.recurrence().repeats()) {
            events.findOverrides(siteId, List.of(event.uid())).stream()
                    .filter(override -> override.moderation() == ModerationState.APPROVED)
                    .forEach(chosen::add);
        }
        return CalendarWriter.write(site.name(), chosen, clock.instant());
    }

    /** Every occurrence the query matches, ignoring paging. */
    private List<Occurrence> occurrences(EventQuery query) {
        requireSite(query.siteId());
        List<Event> candidates = events.findOverlapping(query.siteId(), query.from(), query.to()).stream()
                .filter(event -> event.moderation() == ModerationState.APPROVED)
                .toList();
        Map<String, List<ZonedDateTime>> overriddenByUid = new HashMap<>();
        Set<String> seriesUids = candidates.stream().filter(e -> !e.isOverride() && e.recurrence().repeats())
                .map(Event::uid).collect(Collectors.toSet());
        for (Event override : events.findOverrides(query.siteId(), seriesUids)) {
            overriddenByUid.computeIfAbsent(override.uid(), k -> new ArrayList<>()).add(override.recurrenceId());
        }
        OccurrenceFilter filter = new OccurrenceFilter(query);
        List<Occurrence> found = new ArrayList<>();
        for (Event event : candidates) {
            if (!filter.accepts(event)) {
                continue;
            }
            if (event.isOverride()) {
                Occurrence moved = new Occurrence(event, event.time(), event.status(), event.recurrenceId());
                if (moved.overlaps(query.from(), query.to())) {
                    found.add(moved);
                }
            } else {
                found.addAll(OccurrenceExpander.expand(event, overriddenByUid.getOrDefault(event.uid(), List.of()),
                        query.from(), query.to()));
            }
        }
        found.sort(OccurrenceCursor.ORDER);
        return found;
    }

    private Site requireSite(String siteId) {
        return sites.findSite(siteId).orElseThrow(() -> new NotFoundException("there is no site " + siteId));
    }
}
