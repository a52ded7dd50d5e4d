package community.doorstep.events.ical;

import community.doorstep.DoorstepException;
import community.doorstep.events.Event;
import community.doorstep.events.EventTime;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Language;
import net.fortuna.ical4j.model.parameter.Range;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes events as an RFC 5545 calendar that phones and desktop calendars subscribe to: every zone used gets its
 * VTIMEZONE, overrides keep their RECURRENCE-ID (and RANGE=THISANDFUTURE), and all text is escaped by ical4j.
 */
public final class CalendarWriter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private CalendarWriter() {
    }

    /**
     * A calendar of these events.
     *
     * @param name   what a calendar app shows as its name (X-WR-CALNAME)
     * @param events series, one-offs and overrides
     * @param stamp  when it was written (DTSTAMP)
     */
    public static String write(String name, List<Event> events, Instant stamp) {
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.model.Calendar();
        calendar.add(new ProdId("-//Doorstep//Community events//EN"));
        calendar.add(new Version(new ParameterList(), "2.0"));
        calendar.add(new CalScale("GREGORIAN"));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Set<String> zones = new LinkedHashSet<>();
        List<VEvent> components = new ArrayList<>();
        for (Event event : events) {
            components.add(component(event, stamp, zones));
        }
        for (String zone : zones) {
            calendar.add(ZONES.getTimeZone(zone).getVTimeZone());
        }
        components.forEach(calendar::add);
        try {
            calendar.validate();
        } catch (RuntimeException e) {
            throw new DoorstepException("the calendar written is not valid iCalendar: " + e.getMessage(), e);
        }
        return calendar.toString();
    }

    private static VEvent component(Event event, Instant stamp, Set<String> zones) {
        VEvent component = new VEvent(false);
        EventTime time = event.time();
        component.add(new Uid(event.uid()));
        component.add(new DtStamp(UTC.format(stamp.atZone(ZoneOffset.UTC))));
        component.add(new DtStart<>(parameters(time.start(), time.allDay(), zones), value(time.start(), time.allDay())));
        component.add(new DtEnd<>(parameters(time.end(), time.allDay(), zones), value(time.end(), time.allDay())));
        if (event.recurrenceId() != null) {
            ZonedDateTime original = time.allDay() ? event.recurrenceId()
                    : event.recurrenceId().withZoneSameInstant(time.start().getZone());
            ParameterList instance = parameters(original, time.allDay(), zones);
            component.add(new RecurrenceId<>(event.thisAndFuture() ? instance.add(Range.THISANDFUTURE) : instance,
                    value(original, time.allDay())));
        }
        for (String rule : event.recurrence().rules()) {
            component.add(new RRule<>(rule));
        }
        if (!event.recurrence().additions().isEmpty()) {
            component.add(new RDate<>(dateListParameters(event, zones), dateList(event.recurrence().additions(), event)));
        }
        if (!event.recurrence().exclusions().isEmpty()) {
            component.add(new ExDate<>(dateListParameters(event, zones), dateList(event.recurrence().exclusions(), event)));
        }
        component.add(new Sequence(event.sequence()));
        component.add(inLanguage(new Summary(event.title()), event));
        if (event.description() != null) {
            component.add(inLanguage(new Description(event.description()), event));
        }
        if (event.location() != null) {
            String place = event.location().address() == null ? event.location().name()
                    : event.location().name() == null ? event.location().address()
                    : event.location().name() + ", " + event.location().address();
            component.add(new net.fortuna.ical4j.model.property.Location(place));
        }
        if (event.onlineLink() != null) {
            ParameterList uri = new ParameterList(List.of(Value.URI));
            component.add(new Conference(uri, event.onlineLink().toString()));
        }
        if (event.bookingLink() != null) {
            component.add(new Url(event.bookingLink()));
        }
        if (!event.tags().isEmpty()) {
            component.add(new Categories(new TextList(List.copyOf(event.tags()))));
        }
        component.add(new Status(switch (event.status()) {
            case CONFIRMED -> Status.VALUE_CONFIRMED;
            case TENTATIVE -> Status.VALUE_TENTATIVE;
            case CANCELLED -> Status.VALUE_CANCELLED;
        }));
        return component;
    }

    private static ParameterList parameters(ZonedDateTime at, boolean allDay, Set<String> zones) {
        if (allDay) {
            return new ParameterList(List.of(Value.DATE));
        }
        ZoneId zone = at.getZone();
        if (zone.normalized() instanceof ZoneOffset offset && offset.equals(ZoneOffset.UTC)) {
            return new ParameterList();
        }
        zones.add(zone.getId());
        return new ParameterList(List.of(new TzId(zone.getId())));
    }

    private static String value(ZonedDateTime at, boolean allDay) {
        if (allDay) {
            return DATE.format(at);
        }
        return at.getZone().normalized().equals(ZoneOffset.UTC) ? UTC.format(at) : LOCAL.format(at);
    }

    private static ParameterList dateListParameters(Event event, Set<String> zones) {
        return parameters(event.time().start(), event.time().allDay(), zones);
    }

    /** RDATE and EXDATE values written in the series' own zone, so one TZID serves the whole list. */
    private static String dateList(List<ZonedDateTime> moments, Event event) {
        boolean allDay = event.time().allDay();
        ZoneId zone = event.time().start().getZone();
        return moments.stream()
                .map(moment -> value(allDay ? moment : moment.withZoneSameInstant(zone), allDay))
                .collect(Collectors.joining(","));
    }

    /** Words the event states the language of say it again, so a calendar that reads ours marks them too. */
    private static Property inLanguage(Property words, Event event) {
        return event.language() == null ? words : words.add(new Language(event.language()));
    }
}
