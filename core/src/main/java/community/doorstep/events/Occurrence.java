package community.doorstep.events;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * One instance of an event, as residents see it.
 *
 * @param event         the event it comes from: the series itself, or the override that replaced this instance
 * @param time          when this instance happens
 * @param status        its status: an override can cancel one instance of a confirmed series
 * @param originalStart when the series would have put it (equal to {@code time.start()} unless overridden)
 */
public record Occurrence(Event event, EventTime time, EventStatus status, ZonedDateTime originalStart) {

    /** Stable across queries: the event id and the instant the series gave this instance. */
    public String id() {
        return event.id() + "@" + originalStart.toEpochSecond();
    }

    public Instant startInstant() {
        return time.start().toInstant();
    }

    public Instant endInstant() {
        return time.end().toInstant();
    }

    /** Whether it overlaps the half-open window [from, to); an instant-like occurrence counts when it lies inside. */
    public boolean overlaps(Instant from, Instant to) {
        Instant start = startInstant();
        Instant end = endInstant();
        if (!start.isBefore(to)) {
            return false;
        }
        return end.equals(start) ? !start.isBefore(from) : end.isAfter(from);
    }
}
