package community.doorstep.events;

import community.doorstep.ConflictException;
import community.doorstep.DoorstepException;
import community.doorstep.InvalidInputException;
import community.doorstep.events.ical.CalendarReader;
import community.doorstep.events.ical.Checksums;
import community.doorstep.events.ical.FeedFetcher;
import community.doorstep.events.ical.ParsedCalendar;
import community.doorstep.internal.Ids;
import community.doorstep.internal.Texts;
import community.doorstep.internal.Validator;
import community.doorstep.schedule.DueTask;
import community.doorstep.schedule.DueWork;
import community.doorstep.site.Site;
import community.doorstep.site.SiteService;
import community.doorstep.site.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Groups' iCal feeds: registered per site, fetched with the address guard and conditional GET, imported by UID;
 * a feed that fails keeps its last good events and records why.
 */
public final class FeedImporter {
    private final SiteService sites;
    private final EventStore events;
    private final Clock clock;
    private final FeedFetcher fetcher;
    /** The due task that refreshes one feed; its instance id is {@code site/feed}. */
    public static final String REFRESH = "feed-refresh";
    /** A group keeps a handful of calendars; more is a mistake or an attempt to make the server fetch for it. */
    public static final int MAX_FEEDS_PER_ORGANISATION = 10;
    /** How often the feeds are looked at to see which are due. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(FeedImporter.class);

    /** Wired by {@link community.doorstep.Doorstep}; host applications get it from {@link community.doorstep.Doorstep#events()}. */
    public FeedImporter(SiteService sites, EventStore events, Clock clock, FeedFetcher fetcher, DueWork dueWork,
                        Duration refreshInterval) {
        this.sites = sites;
        this.events = events;
        this.clock = clock;
        this.fetcher = fetcher;
        dueWork.register(new DueTask.Every("feed-refresh-sweep", SWEEP_EVERY,
                () -> scheduleDueFeeds(dueWork, refreshInterval)));
        dueWork.register(new DueTask.Once(REFRESH, this::refreshOne));
    }

    /** Registers a group's feed (or changes its organisation or address); its events and status stay. */
    public void registerFeed(Feed feed) {
        requireSite(feed.siteId());
        if (feed.organisationId() != null && events.findFeed(feed.siteId(), feed.id()).isEmpty()) {
            long held = events.feeds(feed.siteId()).stream().filter(f -> feed.organisationId().equals(f.organisationId())).count();
            Validator check = new Validator();
            check.that(held < MAX_FEEDS_PER_ORGANISATION, "feedId", "too-many", "an organisation may have at most "
                    + MAX_FEEDS_PER_ORGANISATION + " feeds; delete one before adding another");
            check.done();
        }
        events.saveFeed(feed);
    }

    /** Removes a feed and every event it brought (an organiser leaving a calendar behind, or a mistyped one). */
    public void deleteFeed(String siteId, String feedId) {
        requireSite(siteId);
        events.deleteFeed(siteId, feedId);
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
                if (status.isEmpty()) {
                    throw new DoorstepException("the feed's server answered 304 Not Modified to a request that named no earlier copy");
                }
                return unchanged(feed, status.get().checksum(), fetched);
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
        for (Feed feed : dueFeeds(interval)) {
            outcomes.add(feed.siteId() + "/" + feed.id() + ": " + refresh(feed));
        }
        return outcomes;
    }

    /** Feeds with an address whose last attempt is older than the interval, or that were never tried. */
    private List<Feed> dueFeeds(Duration interval) {
        List<Feed> due = new ArrayList<>();
        for (Site site : sites.sites()) {
            for (Feed feed : events.feeds(site.id())) {
                boolean isDue = feed.url() != null && events.feedStatus(site.id(), feed.id())
                        .map(FeedStatus::lastAttempt)
                        .map(last -> !clock.instant().isBefore(last.plus(interval)))
                        .orElse(true);
                if (isDue) {
                    due.add(feed);
                }
            }
        }
        return due;
    }

    /** Imports one feed; what happened, in plain words. A failure is recorded in the feed's status, not thrown. */
    private String refresh(Feed feed) {
        try {
            ImportReport report = importCalendar(feed);
            return report.calendarUnchanged() ? "unchanged"
                    : report.created() + " new, " + report.updated() + " changed, " + report.removed() + " removed";
        } catch (DoorstepException e) {
            return "failed: " + e.getMessage();
        }
    }

    /**
     * Due work: every minute, each feed due for a refresh gets a task of its own, so any number of nodes share the
     * fetching and none fetches a feed twice; a node that dies mid-fetch has its feeds taken over.
     */
    private void scheduleDueFeeds(DueWork dueWork, Duration interval) {
        for (Feed feed : dueFeeds(interval)) {
            dueWork.scheduleIfAbsent(REFRESH, feed.siteId() + "/" + feed.id(), clock.instant());
        }
    }

    /** The body of one feed's refresh task: the instance id is {@code site/feed}. */
    private void refreshOne(String siteAndFeed) {
        int slash = siteAndFeed.indexOf('/');
        events.findFeed(siteAndFeed.substring(0, slash), siteAndFeed.substring(slash + 1))
                .filter(feed -> feed.url() != null)
                .ifPresent(feed -> LOG.info("feed {}/{}: {}", feed.siteId(), feed.id(), refresh(feed)));
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
        try {
            return importOnce(site, feed, text, fetched);
        } catch (ConflictException e) {
            // another import of the same feed (due work, or a coordinator's "refresh now") committed first: its
            // events are the feed's now, and this import is applied over them
            return importOnce(site, feed, text, fetched);
        }
    }

    private ImportReport importOnce(Site site, Feed feed, String text, FeedFetcher.Fetched fetched) {
        String checksum = Checksums.ofCalendar(text);
        if (events.feedStatus(site.id(), feed.id()).map(FeedStatus::checksum).filter(checksum::equals).isPresent()) {
            return unchanged(feed, checksum, fetched);
        }
        List<Event> previous = events.feedEvents(site.id(), feed.id());
        ParsedCalendar parsed = CalendarReader.read(text, site.zone(), Texts.firstOf(site.languages()), feed);
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


    private Site requireSite(String siteId) {
        return sites.requireSite(siteId);
    }
}
