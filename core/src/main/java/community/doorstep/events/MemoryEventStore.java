package community.doorstep.events;

import community.doorstep.ConflictException;
import community.doorstep.access.ModerationState;
import community.doorstep.internal.ContentVersions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Events per site, indexed the way the JDBC store indexes its table: short events by first start (a window
 * looks back only as far as the longest short event lasts), long-running series by last end.
 */
final class MemoryEventStore implements EventStore {
    /** Events spanning at most this long are found through the start index. */
    private static final Duration SHORT = Duration.ofDays(7);

    private final Map<String, SiteEvents> sites = new HashMap<>();
    private final ContentVersions versions;

    MemoryEventStore(ContentVersions versions) {
        this.versions = versions;
    }

    private static final class SiteEvents {
        final Map<String, Event> byId = new HashMap<>();
        final Map<String, EventSpan> spans = new HashMap<>();
        final NavigableMap<Instant, Set<String>> shortByStart = new TreeMap<>();
        final NavigableMap<Instant, Set<String>> longByEnd = new TreeMap<>();
        final Set<String> endless = new LinkedHashSet<>();
        final Map<String, Set<String>> overridesByUid = new HashMap<>();
        final Map<String, Set<String>> byFeed = new HashMap<>();
        final Map<String, Feed> feeds = new HashMap<>();
        final Map<String, FeedStatus> feedStatuses = new HashMap<>();

        void put(Event event, EventSpan span) {
            remove(event.id());
            byId.put(event.id(), event);
            spans.put(event.id(), span);
            if (span.unbounded()) {
                endless.add(event.id());
            } else if (isShort(span)) {
                shortByStart.computeIfAbsent(span.firstStart(), k -> new LinkedHashSet<>()).add(event.id());
            } else {
                longByEnd.computeIfAbsent(span.lastEnd(), k -> new LinkedHashSet<>()).add(event.id());
            }
            if (event.isOverride()) {
                overridesByUid.computeIfAbsent(event.uid(), k -> new LinkedHashSet<>()).add(event.id());
            }
            if (event.feedId() != null) {
                byFeed.computeIfAbsent(event.feedId(), k -> new LinkedHashSet<>()).add(event.id());
            }
        }

        void remove(String id) {
            Event event = byId.remove(id);
            if (event == null) {
                return;
            }
            EventSpan span = spans.remove(id);
            endless.remove(id);
            removeFrom(shortByStart, span.firstStart(), id);
            if (span.lastEnd() != null) {
                removeFrom(longByEnd, span.lastEnd(), id);
            }
            removeFrom(overridesByUid, event.uid(), id);
            if (event.feedId() != null) {
                removeFrom(byFeed, event.feedId(), id);
            }
        }

        private static <K> void removeFrom(Map<K, Set<String>> index, K key, String id) {
            Set<String> ids = index.get(key);
            if (ids != null && ids.remove(id) && ids.isEmpty()) {
                index.remove(key);
            }
        }

        private static boolean isShort(EventSpan span) {
            return Duration.between(span.firstStart(), span.lastEnd()).compareTo(SHORT) <= 0;
        }
    }

    @Override
    public synchronized Optional<Event> find(String siteId, String eventId) {
        SiteEvents site = sites.get(siteId);
        return site == null ? Optional.empty() : Optional.ofNullable(site.byId.get(eventId));
    }

    @Override
    public synchronized List<Event> findOverlapping(String siteId, Instant from, Instant to) {
        SiteEvents site = sites.get(siteId);
        if (site == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        site.shortByStart.subMap(from.minus(SHORT), true, to, false).values().forEach(ids::addAll);
        site.longByEnd.tailMap(from, true).values().forEach(ids::addAll);
        ids.addAll(site.endless);
        List<Event> found = new ArrayList<>();
        for (String id : ids) {
            if (site.spans.get(id).mayOverlap(from, to)) {
                found.add(site.byId.get(id));
            }
        }
        return found;
    }

    @Override
    public synchronized List<Event> findOverrides(String siteId, Collection<String> uids) {
        SiteEvents site = sites.get(siteId);
        if (site == null) {
            return List.of();
        }
        List<Event> found = new ArrayList<>();
        for (String uid : uids) {
            for (String id : site.overridesByUid.getOrDefault(uid, Set.of())) {
                found.add(site.byId.get(id));
            }
        }
        return found;
    }

    @Override
    public synchronized List<Event> findByModeration(String siteId, ModerationState state) {
        SiteEvents site = sites.get(siteId);
        return site == null ? List.of() : site.byId.values().stream().filter(e -> e.moderation() == state).toList();
    }

    @Override
    public synchronized List<Event> feedEvents(String siteId, String feedId) {
        SiteEvents site = sites.get(siteId);
        if (site == null) {
            return List.of();
        }
        return site.byFeed.getOrDefault(feedId, Set.of()).stream().map(site.byId::get).toList();
    }

    @Override
    public synchronized void saveFeed(Feed feed) {
        site(feed.siteId()).feeds.put(feed.id(), feed);
    }

    @Override
    public synchronized Optional<Feed> findFeed(String siteId, String feedId) {
        SiteEvents site = sites.get(siteId);
        return site == null ? Optional.empty() : Optional.ofNullable(site.feeds.get(feedId));
    }

    @Override
    public synchronized void deleteFeed(String siteId, String feedId) {
        SiteEvents site = sites.get(siteId);
        if (site == null) {
            return;
        }
        List.copyOf(site.byFeed.getOrDefault(feedId, Set.of())).forEach(site::remove);
        site.feeds.remove(feedId);
        site.feedStatuses.remove(feedId);
        versions.bump(siteId);
    }

    @Override
    public synchronized List<Feed> feeds(String siteId) {
        SiteEvents site = sites.get(siteId);
        return site == null ? List.of()
                : site.feeds.values().stream().sorted(Comparator.comparing(Feed::id)).toList();
    }

    @Override
    public synchronized Optional<FeedStatus> feedStatus(String siteId, String feedId) {
        SiteEvents site = sites.get(siteId);
        return site == null ? Optional.empty() : Optional.ofNullable(site.feedStatuses.get(feedId));
    }

    @Override
    public synchronized void apply(FeedImport feedImport) {
        SiteEvents site = site(feedImport.siteId());
        // Everything is checked before anything changes, so a refused import leaves the feed as it was.
        List<EventSpan> spans = feedImport.upserts().stream().map(EventSpan::of).toList();
        Set<String> removed = Set.copyOf(feedImport.removedIds());
        Map<String, String> idByKey = new HashMap<>();
        for (String id : site.byFeed.getOrDefault(feedImport.feedId(), Set.of())) {
            if (!removed.contains(id)) {
                idByKey.put(site.byId.get(id).importKey(), id);
            }
        }
        for (Event event : feedImport.upserts()) {
            String holder = idByKey.putIfAbsent(event.importKey(), event.id());
            if (holder != null && !holder.equals(event.id())) {
                throw new ConflictException("feed " + feedImport.feedId() + " already holds an event with uid "
                        + event.uid() + (event.recurrenceId() == null ? "" : " and recurrence id " + event.recurrenceId()));
            }
        }
        feedImport.removedIds().forEach(site::remove);
        for (int i = 0; i < spans.size(); i++) {
            site.put(feedImport.upserts().get(i), spans.get(i));
        }
        if (!spans.isEmpty() || !feedImport.removedIds().isEmpty()) {
            versions.bump(feedImport.siteId());
        }
        site.feeds.putIfAbsent(feedImport.feedId(), new Feed(feedImport.siteId(), feedImport.feedId(), null, null));
        site.feedStatuses.put(feedImport.feedId(), new FeedStatus(feedImport.siteId(), feedImport.feedId(),
                feedImport.importedAt(), feedImport.importedAt(), null, feedImport.checksum(), feedImport.etag(),
                feedImport.lastModified()));
    }

    @Override
    public synchronized void recordFeedFailure(String siteId, String feedId, Instant at, String error) {
        SiteEvents site = site(siteId);
        site.feeds.putIfAbsent(feedId, new Feed(siteId, feedId, null, null));
        FeedStatus previous = site.feedStatuses.get(feedId);
        site.feedStatuses.put(feedId, previous == null ? new FeedStatus(siteId, feedId, at, null, error, null, null, null)
                : new FeedStatus(siteId, feedId, at, previous.lastSuccess(), error, previous.checksum(), previous.etag(),
                previous.lastModified()));
    }


    @Override
    public synchronized void save(Event event) {
        site(event.siteId()).put(event, EventSpan.of(event));
        versions.bump(event.siteId());
    }

    @Override
    public synchronized boolean replace(Event expected, Event next) {
        if (!find(expected.siteId(), expected.id()).filter(expected::equals).isPresent()) {
            return false;
        }
        save(next);
        return true;
    }

    @Override
    public synchronized void delete(String siteId, String eventId) {
        SiteEvents site = sites.get(siteId);
        if (site != null) {
            site.remove(eventId);
            versions.bump(siteId);
        }
    }

    private SiteEvents site(String siteId) {
        return sites.computeIfAbsent(siteId, k -> new SiteEvents());
    }
}
