package community.doorstep.events;

import net.fortuna.ical4j.model.Recur;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Expands a series into its instances, only inside the window asked for: a series without end is never
 * materialised. ical4j's {@link Recur} applies the RRULE; this class adds what RFC 5545 puts around it
 * (DTSTART as first instance, RDATE, EXDATE by instant, overrides).
 */
final class OccurrenceExpander {
    /** A runaway rule (FREQ=MINUTELY for a year) is cut here rather than filling memory. */
    static final int MAX_INSTANCES_PER_SERIES = 5_000;
    private static final ZonedDateTime FAR_FUTURE = ZonedDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));

    private OccurrenceExpander() {
    }

    /**
     * The instances of a series (or a one-off event) that overlap [from, to), leaving out those whose
     * original start is in {@code overridden} (their overrides stand in for them).
     */
    static List<Occurrence> expand(Event series, Collection<ZonedDateTime> overridden, Instant from, Instant to) {
        EventTime time = series.time();
        Instant rangeStart = time.allDay()
                ? from.minus(Duration.ofDays(time.days().getDays() + 1L))
                : from.minus(time.duration());
        List<Occurrence> occurrences = new ArrayList<>();
        for (ZonedDateTime start : starts(series, rangeStart, to)) {
            if (matchesAny(start, overridden, time.allDay())) {
                continue;
            }
            Occurrence occurrence = new Occurrence(series, time.startingAt(start), series.status(), start);
            if (occurrence.overlaps(from, to)) {
                occurrences.add(occurrence);
            }
        }
        return occurrences;
    }

    /** Instance starts in [rangeStart, rangeEnd], in start order, exclusions removed. */
    static List<ZonedDateTime> starts(Event series, Instant rangeStart, Instant rangeEnd) {
        EventTime time = series.time();
        ZonedDateTime first = time.start();
        ZoneId zone = first.getZone();
        Recurrence recurrence = series.recurrence();
        TreeMap<Instant, ZonedDateTime> starts = new TreeMap<>();
        if (within(first, rangeStart, rangeEnd)) {
            starts.put(first.toInstant(), first);
        }
        for (String rule : recurrence.rules()) {
            for (ZonedDateTime start : ruleStarts(rule, first, time.allDay(), rangeStart.atZone(zone), rangeEnd.atZone(zone))) {
                if (within(start, rangeStart, rangeEnd)) {
                    starts.put(start.toInstant(), start);
                }
            }
        }
        for (ZonedDateTime addition : recurrence.additions()) {
            if (within(addition, rangeStart, rangeEnd)) {
                starts.put(addition.toInstant(), addition);
            }
        }
        starts.values().removeIf(start -> matchesAny(start, recurrence.exclusions(), time.allDay()));
        return new ArrayList<>(starts.values());
    }

    private static List<ZonedDateTime> ruleStarts(String rule, ZonedDateTime first, boolean allDay,
                                                  ZonedDateTime rangeStart, ZonedDateTime rangeEnd) {
        if (allDay) {
            Recur<LocalDate> recur = new Recur<>(rule);
            return recur.getDates(first.toLocalDate(), rangeStart.toLocalDate(), rangeEnd.toLocalDate().plusDays(1),
                            MAX_INSTANCES_PER_SERIES)
                    .stream().map(date -> date.atStartOfDay(first.getZone())).toList();
        }
        Recur<ZonedDateTime> recur = new Recur<>(rule);
        return recur.getDates(first, rangeStart, rangeEnd.plusSeconds(1), MAX_INSTANCES_PER_SERIES);
    }

    /** An EXDATE or RECURRENCE-ID names an instance by instant, or for all-day series by date as written. */
    static boolean matchesAny(ZonedDateTime start, Collection<ZonedDateTime> candidates, boolean allDay) {
        for (ZonedDateTime candidate : candidates) {
            boolean same = allDay
                    ? candidate.toLocalDate().equals(start.toLocalDate())
                    : candidate.toInstant().equals(start.toInstant());
            if (same) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(ZonedDateTime start, Instant rangeStart, Instant rangeEnd) {
        Instant instant = start.toInstant();
        return !instant.isBefore(rangeStart) && !instant.isAfter(rangeEnd);
    }

    static EventSpan span(Event event) {
        EventTime time = event.time();
        Recurrence recurrence = event.recurrence();
        ZonedDateTime first = time.start();
        ZonedDateTime latestStart = first;
        ZonedDateTime earliestStart = first;
        if (event.recurrenceId() != null && event.recurrenceId().isBefore(earliestStart)) {
            earliestStart = event.recurrenceId();
        }
        for (ZonedDateTime addition : recurrence.additions()) {
            latestStart = later(latestStart, addition);
            earliestStart = addition.isBefore(earliestStart) ? addition : earliestStart;
        }
        for (String rule : recurrence.rules()) {
            Recur<Temporal> recur = new Recur<>(rule);
            if (recur.getUntil() != null) {
                latestStart = later(latestStart, untilAsStart(recur.getUntil(), first.getZone()));
            } else if (recur.getCount() > 0 && recur.getCount() <= MAX_INSTANCES_PER_SERIES) {
                List<ZonedDateTime> all = ruleStarts(rule, first, time.allDay(), first, FAR_FUTURE);
                if (!all.isEmpty()) {
                    latestStart = later(latestStart, all.get(all.size() - 1));
                }
            } else {
                return new EventSpan(earliestStart.toInstant(), null);
            }
        }
        return new EventSpan(earliestStart.toInstant(), time.startingAt(latestStart).end().toInstant());
    }

    private static ZonedDateTime later(ZonedDateTime a, ZonedDateTime b) {
        return a.toInstant().isBefore(b.toInstant()) ? b : a;
    }

    /** UNTIL as the latest instance start it allows; a date allows the whole of that day. */
    private static ZonedDateTime untilAsStart(Temporal until, ZoneId zone) {
        if (until instanceof LocalDate date) {
            return date.plusDays(1).atStartOfDay(zone);
        }
        if (until instanceof LocalDateTime local) {
            return local.atZone(zone);
        }
        if (until instanceof ZonedDateTime zoned) {
            return zoned;
        }
        if (until instanceof OffsetDateTime offset) {
            return offset.toZonedDateTime();
        }
        return Instant.from(until).atZone(zone);
    }
}
