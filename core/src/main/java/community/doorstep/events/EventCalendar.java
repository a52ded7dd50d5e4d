package community.doorstep.events;

import community.doorstep.NotFoundException;
import community.doorstep.access.ModerationState;
import community.doorstep.events.ical.CalendarWriter;
import community.doorstep.site.Site;
import community.doorstep.site.SiteService;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What residents see: window queries over expanded occurrences, one event, and iCal export. */
public final class EventCalendar {
    private final SiteService sites;
    private final EventStore events;
    private final Clock clock;

    /** Wired by {@link community.doorstep.Doorstep}; host applications get it from {@link community.doorstep.Doorstep#events()}. */
    public EventCalendar(SiteService sites, EventStore events, Clock clock) {
        this.sites = sites;
        this.events = events;
        this.clock = clock;
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
        Map<String, List<Event>> overridesByUid = new HashMap<>();
        Set<String> seriesUids = candidates.stream().filter(e -> !e.isOverride() && e.recurrence().repeats())
                .map(Event::uid).collect(Collectors.toSet());
        for (Event override : events.findOverrides(query.siteId(), seriesUids)) {
            overridesByUid.computeIfAbsent(override.uid(), k -> new ArrayList<>()).add(override);
        }
        OccurrenceFilter filter = new OccurrenceFilter(query);
        List<Occurrence> found = new ArrayList<>();
        for (Event event : candidates) {
            if (event.isOverride()) {
                Occurrence moved = new Occurrence(event, event.time(), event.status(), event.recurrenceId());
                if (filter.accepts(event) && moved.overlaps(query.from(), query.to())) {
                    found.add(moved);
                }
                continue;
            }
            List<Event> overrides = overridesByUid.getOrDefault(event.uid(), List.of());
            // an instance a this-and-future override took over shows that override, so the filter asks of it
            boolean seriesShown = filter.accepts(event);
            List<Event> shownTakeOvers = overrides.stream()
                    .filter(override -> override.thisAndFuture() && filter.accepts(override))
                    .toList();
            if (seriesShown || !shownTakeOvers.isEmpty()) {
                for (Occurrence occurrence : OccurrenceExpander.expand(event, overrides, query.from(), query.to())) {
                    if (occurrence.event() == event ? seriesShown : shownTakeOvers.contains(occurrence.event())) {
                        found.add(occurrence);
                    }
                }
            }
        }
        found.sort(OccurrenceCursor.ORDER);
        return found;
    }


    private Site requireSite(String siteId) {
        return sites.requireSite(siteId);
    }
}
