package community.doorstep.events;

import community.doorstep.internal.Validator;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;

/**
 * When an event (or the first instance of a series) happens: half-open [start, end).
 *
 * <p>All-day events are kept as midnight-to-midnight in the site's zone so one code path serves both;
 * {@link #allDay()} says to show dates, not times.
 *
 * @param start  first moment, in the zone the event's wall-clock times belong to
 * @param end    first moment after it; equal to {@code start} for an instant-like event
 * @param allDay whether start and end are whole days
 */
public record EventTime(ZonedDateTime start, ZonedDateTime end, boolean allDay) {
    public EventTime {
        Validator check = new Validator();
        check.dateTime("start", check.required("start", start));
        check.dateTime("end", check.required("end", end));
        check.that(start == null || end == null || !end.isBefore(start), "end", "after-start", "end must not be before start");
        if (allDay && start != null) {
            check.that(start.equals(start.toLocalDate().atStartOfDay(start.getZone())),
                    "start", "whole-day", "an all-day start must be at the start of a day");
        }
        check.done();
    }

    /** How long each instance lasts, in days for all-day events so a DST change cannot shift them. */
    public Period days() {
        return Period.between(start.toLocalDate(), end.toLocalDate());
    }

    /** How long each timed instance lasts, as exact elapsed time. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The same length of time, starting at another instance's start. */
    public EventTime startingAt(ZonedDateTime instanceStart) {
        ZonedDateTime instanceEnd = allDay
                ? instanceStart.toLocalDate().plus(days()).atStartOfDay(instanceStart.getZone())
                : instanceStart.plus(duration());
        return new EventTime(instanceStart, instanceEnd, allDay);
    }
}
