package community.doorstep.store.memory;

import community.doorstep.events.Event;
import community.doorstep.events.EventSpan;
import community.doorstep.events.EventStore;
import community.doorstep.events.FeedImport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

    private static final class SiteEvents {
        final Map<String, Event> byId = new HashMap<>();
        final Map<String, EventSpan> spans = new HashMap<>();
        final NavigableMap<Instant, Set<String>> shortByStart = new TreeMap<>();
        final NavigableMap<Instant, Set<String>> longByEnd = new TreeMap<>();
        final Set<String> endless = new LinkedHashSet<>();
        final Map<String, Set<String>> overridesByUid = new HashMap<>();
        final Map<String, Set<String>> byFeed = new HashMap<>();
        final Map<String, String> feedChecksums = new HashMap<>();

        void put(Event event) {
            remove(event.id());
            EventSpan span = EventSpan.of(event);
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
    public synchronized List<Event> feedEvents(String siteId, String feedId) {
        SiteEvents site = sites.get(siteId);
        if (site == null) {
            return List.of();
        }
        return site.byFeed.getOrDefault(feedId, Set.of()).stream().map(site.byId::get).toList();
    }

    @Override
    public synchronized Optional<String> feedChecksum(String siteId, String feedId) {
        SiteEvents site = sites.get(siteId);
        return site == null ? Optional.empty() : Optional.ofNullable(site.feedChecksums.get(feedId));
    }

    @Override
    public synchronized void apply(FeedImport feedImport) {
        SiteEvents site = site(feedImport.siteId());
        // Spans are computed before anything changes, so a bad event leaves the feed as it was.
        feedImport.upserts().forEach(EventSpan::of);
        feedImport.removedIds().forEach(site::remove);
        feedImport.upserts().forEach(site::put);
        site.feedChecksums.put(feedImport.feedId(), feedImport.checksum());
    }

    @Override
    public synchronized void save(Event event) {
        site(event.siteId()).put(event);
    }

    @Override
    public synchronized void delete(String siteId, String eventId) {
        SiteEvents site = sites.get(siteId);
        if (site != null) {
            site.remove(eventId);
        }
    }

    private SiteEvents site(String siteId) {
        return sites.computeIfAbsent(siteId, k -> new SiteEvents());
    }
}
