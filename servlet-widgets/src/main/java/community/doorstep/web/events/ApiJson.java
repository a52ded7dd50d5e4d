package community.doorstep.web.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import community.doorstep.events.Event;
import community.doorstep.events.Occurrence;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The shapes of the events API's bodies, one record each; field order is the order they are written in. */
final class ApiJson {
    private ApiJson() {
    }

    /** One page of occurrences; {@code next} is the cursor for the following page, null on the last. */
    record OccurrencePageJson(List<OccurrenceJson> occurrences, String next) {
    }

    /**
     * One occurrence. Times are in the site's zone: offset date-times for timed occurrences, dates for all-day
     * ones (end exclusive), exactly as the feed check writes them.
     */
    record OccurrenceJson(String id, String eventId, String uid, String title, String language, String start, String end,
                          boolean allDay, String status, String location, String onlineLink, String organisation,
                          List<String> tags, String description, String cost, String accessibility,
                          String bookingLink, LinksJson links) {
        static OccurrenceJson of(Occurrence occurrence, ZoneId zone, LinksJson links) {
            Event event = occurrence.event();
            boolean allDay = occurrence.time().allDay();
            return new OccurrenceJson(occurrence.id(), event.id(), event.uid(), event.title(), event.language(),
                    time(occurrence.time().start(), allDay, zone), time(occurrence.time().end(), allDay, zone),
                    allDay, occurrence.status().wireName(),
                    event.location() == null ? null : event.location().name(),
                    text(event.onlineLink()), event.organisationId(), event.tags().stream().sorted().toList(),
                    event.description(), event.cost(), event.accessibility(), text(event.bookingLink()), links);
        }

        private static String time(ZonedDateTime at, boolean allDay, ZoneId zone) {
            return allDay ? at.toLocalDate().toString()
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withZoneSameInstant(zone));
        }

        private static String text(URI uri) {
            return uri == null ? null : uri.toString();
        }
    }

    /** One event: the fields of its first instance, and whether more follow. */
    record EventJson(@JsonUnwrapped OccurrenceJson firstInstance, boolean recurring) {
    }

    /** Where to find an occurrence's event: in this API, and as a calendar file to add. */
    record LinksJson(String self, String ics) {
    }

    /** Tag ids in use on the site's coming events, sorted. */
    record TagsJson(List<String> tags) {
    }
}
