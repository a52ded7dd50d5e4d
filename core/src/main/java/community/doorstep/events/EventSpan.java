package community.doorstep.events;

import java.time.Instant;

/**
 * The time an event or series can touch at all: from its first possible start to its last possible end.
 * Stores index on it so a window query looks only at events that can overlap the window.
 *
 * @param firstStart the earliest start of any instance
 * @param lastEnd    the latest end of any instance, or {@code null} for a series without end
 */
public record EventSpan(Instant firstStart, Instant lastEnd) {

    /** Whether some instance may overlap [from, to): a cheap, generous test, refined by expansion. */
    public boolean mayOverlap(Instant from, Instant to) {
        return firstStart.isBefore(to) && (lastEnd == null || !lastEnd.isBefore(from));
    }

    public boolean unbounded() {
        return lastEnd == null;
    }

    /** The span of an event, expanding a COUNT-limited series when that is the only way to know its end. */
    public static EventSpan of(Event event) {
        return OccurrenceExpander.span(event);
    }
}
