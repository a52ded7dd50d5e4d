package community.doorstep.web.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.doorstep.events.Event;
import community.doorstep.events.EventStatus;
import community.doorstep.events.Occurrence;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org {@code Event} data for search engines, written as a JSON data block. It is the one thing a
 * template prints raw, so it is made safe here: {@code </} cannot end the script element early and
 * {@code <!--} cannot open a comment, whatever a calendar put in a title.
 */
final class JsonLd {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLd() {
    }

    static String of(List<Occurrence> occurrences, ZoneId zone, java.util.function.Function<Occurrence, String> url) {
        List<Map<String, Object>> events = occurrences.stream().map(occurrence -> event(occurrence, zone, url.apply(occurrence))).toList();
        return write(events.size() == 1 ? events.get(0) : events);
    }

    private static Map<String, Object> event(Occurrence occurrence, ZoneId zone, String url) {
        Event event = occurrence.event();
        boolean allDay = occurrence.time().allDay();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "Event");
        json.put("name", event.title());
        if (event.language() != null) {
            json.put("inLanguage", event.language());
        }
        json.put("startDate", allDay ? occurrence.time().start().toLocalDate().toString()
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(occurrence.time().start().withZoneSameInstant(zone)));
        json.put("endDate", allDay ? occurrence.time().end().toLocalDate().minusDays(1).toString()
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(occurrence.time().end().withZoneSameInstant(zone)));
        json.put("eventStatus", occurrence.status() == EventStatus.CANCELLED
                ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled");
        if (event.location() != null && event.location().name() != null) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            place.put("name", event.location().name());
            if (event.location().address() != null) {
                place.put("address", event.location().address());
            }
            json.put("location", place);
        } else if (event.onlineLink() != null) {
            json.put("location", Map.of("@type", "VirtualLocation", "url", event.onlineLink().toString()));
        }
        if (event.description() != null) {
            json.put("description", event.description());
        }
        json.put("url", url);
        return json;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value).replace("</", "<\\/").replace("<!--", "\\u003C!--");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
