package community.doorstep.events.ical;

import community.doorstep.events.Event;
import community.doorstep.events.SkippedItem;

import java.util.List;

/**
 * What a calendar held that Doorstep can publish, and what it left out.
 *
 * @param events  series, one-offs and overrides; ids are placeholders until the import assigns them
 * @param skipped components left out, each with its reason
 */
public record ParsedCalendar(List<Event> events, List<SkippedItem> skipped) {
    public ParsedCalendar {
        events = List.copyOf(events);
        skipped = List.copyOf(skipped);
    }
}
