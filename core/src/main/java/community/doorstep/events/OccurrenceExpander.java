package community.doorstep.events;

import net.fortuna.ical4j.model.Recur;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Expands a series into its instances, only inside the window asked for: a series without end is never
 * materialised. ical4j's {@link Recur} applies the RRULE; this class adds what RFC 5545 puts around it
 * (DTSTART as first instance, RDATE, EXDATE by instant, overrides, RANGE=THISANDFUTURE).
 */
final class OccurrenceExpander {
    /** A runaway rule (FREQ=MINUTELY for a year) is cut here rather than filling memory. */
    static final int MAX_INSTANCES_PER_SERIES = 5_000;
    private static final ZonedDateTime FAR_FUTURE = ZonedDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));

    private OccurrenceExpander() {
    }

    /**
     * The instances of a series (or a one-off event) that overlap [from, to), leaving out those an override
     * replaces (the override stands in for them), and with the instances after a this-and-future override
     * taken over by it.
     */
    static List<Occurrence> expand(Event series, Collection<Event> overrides, Instant from, Instant to) {
        EventTime time = series.time();
        List<ZonedDateTime> overridden = overrides.stream().map(Event::recurrenceId).toList();
        List<Event> thisAndFuture = overrides.stream().filter(Event::thisAndFuture)
                .sorted(Comparator.comparing(override -> override.recurrenceId().toInstant()))
                .toList();
        // an instance moved by a this-and-future override may come into the window from further off
        Duration reach = thisAndFuture.stream()
                .map(override -> shift(override).abs().plus(override.time().duration()).plusDays(1))
                .max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
        Instant rangeStart = (time.allDay()
                ? from.minus(Duration.ofDays(time.days().getDays() + 1L))
                : from.minus(time.duration())).minus(reach);
        List<Occurrence> occurrences = new ArrayList<>();
        for (ZonedDateTime start : starts(series, rangeStart, to.plus(reach))) {
            if (matchesAny(start, overridden, time.allDay())) {
                continue;
            }
            Event takenOver = latestBefore(start, thisAndFuture, time.allDay());
            Occurrence occurrence = takenOver == null
                    ? new Occurrence(series, time.startingAt(start), series.status(), start)
                    : new Occurrence(takenOver, moved(takenOver, start), takenOver.status(), start);
            if (occurrence.overlaps(from, to)) {
                occurrences.add(occurrence);
            }
        }
        return occurrences;
    }

    /** The this-and-future override with the latest recurrence id before an instance, or {@code null}. */
    private static Event latestBefore(ZonedDateTime start, List<Event> thisAndFuture, boolean allDay) {
        Event latest = null;
        for (Event override : thisAndFuture) {
            boolean before = allDay
                    ? override.recurrenceId().toLocalDate().isBefore(start.toLocalDate())
                    : override.recurrenceId().toInstant().isBefore(start.toInstant());
            if (before) {
                latest = override;
            }
        }
        return latest;
    }

    /**
     * How far a this-and-future override moved its own instance, on the clock of its zone, so that a later
     * instance across a change to or from summer time keeps the same wall-clock time.
     */
    private static Duration shift(Event override) {
        ZonedDateTime start = override.time().start();
        return Duration.between(override.recurrenceId().withZoneSameInstant(start.getZone()).toLocalDateTime(),
                start.toLocalDateTime());
    }

    /** A later instance as a this-and-future override has it: moved as far as its own, and as long. */
    private static EventTime moved(Event override, ZonedDateTime originalStart) {
        EventTime time = override.time();
        ZoneId zone = time.start().getZone();
        if (time.allDay()) {
            long days = ChronoUnit.DAYS.between(override.recurrenceId().toLocalDate(), time.start().toLocalDate());
            return time.startingAt(originalStart.toLocalDate().plusDays(days).atStartOfDay(zone));
        }
        LocalDateTime onTheClock = originalStart.withZoneSameInstant(zone).toLocalDateTime();
        return time.startingAt(onTheClock.plus(shift(override)).atZone(zone));
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
