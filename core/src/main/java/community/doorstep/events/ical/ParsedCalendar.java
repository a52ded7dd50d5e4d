package community.doorstep.events.ical;

import community.doorstep.events.Event;
import community.doorstep.events.SkippedItem;
import community.doorstep.site.Tag;

import java.util.List;

/**
 * What a calendar held that Doorstep can publish, and what it left out.
 *
 * @param events  series, one-offs and overrides; ids are placeholders until the import assigns them
 * @param skipped components left out or repaired, each with its reason
 * @param tags    the tags the events carry, with the words the calendar wrote for them (CATEGORIES)
 */
public record ParsedCalendar(List<Event> events, List<SkippedItem> skipped, List<Tag> tags) {
    public ParsedCalendar {
        events = List.copyOf(events);
        skipped = List.copyOf(skipped);
        tags = List.copyOf(tags);
    }
}
