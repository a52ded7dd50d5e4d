package community.doorstep.events;

import java.util.List;

/**
 * What one import of a feed did.
 *
 * @param feedId            the feed
 * @param created           events new to the feed
 * @param updated           events that changed
 * @param unchanged         events that were already as the calendar has them
 * @param removed           events the calendar no longer holds, removed from the feed's set
 * @param skipped           components left out or repaired, each with its reason
 * @param calendarUnchanged true when the calendar text was the same as last time (ignoring DTSTAMP lines,
 *                          which Google rewrites on every fetch), so nothing was compared at all
 */
public record ImportReport(String feedId, int created, int updated, int unchanged, int removed,
                           List<SkippedItem> skipped, boolean calendarUnchanged) {
    public ImportReport {
        skipped = List.copyOf(skipped);
    }
}
