package community.doorstep.testing;

import community.doorstep.Doorstep;
import community.doorstep.events.EventQuery;
import community.doorstep.events.Occurrence;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Doorstep on in-memory stores with a fixed clock and one site, and the helpers tests share. */
public final class TestDoorstep {
    public static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    public static final String SITE = "hulme";

    private TestDoorstep() {
    }

    public static Doorstep inMemory(ZoneId zone) {
        Doorstep doorstep = Doorstep.builder().stores(Stores.inMemory()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        doorstep.sites().saveSite(Site.of(SITE, "Hulme Community Partnership").withZone(zone));
        return doorstep;
    }

    /** Every occurrence in [from, to) at midnight in the zone, across as many windows as it takes. */
    public static List<Occurrence> all(Doorstep doorstep, LocalDate from, LocalDate to, ZoneId zone) {
        Map<String, Occurrence> all = new LinkedHashMap<>();
        for (LocalDate start = from; start.isBefore(to); start = start.plusYears(1)) {
            LocalDate end = start.plusYears(1).isBefore(to) ? start.plusYears(1) : to;
            EventQuery query = EventQuery.window(SITE, start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
            doorstep.events().calendar().queryAll(query).forEach(o -> all.putIfAbsent(o.id(), o));
        }
        return new ArrayList<>(all.values());
    }

    /** "START END STATUS UID TITLE", the line format of the corpus' expected files and the feed check. */
    public static String line(Occurrence occurrence, ZoneId zone) {
        return when(occurrence, zone) + " " + occurrence.status().wireName() + " " + occurrence.event().uid()
                + " " + occurrence.event().title();
    }

    public static String when(Occurrence occurrence, ZoneId zone) {
        if (occurrence.time().allDay()) {
            return occurrence.time().start().toLocalDate() + " " + occurrence.time().end().toLocalDate();
        }
        DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return format.format(occurrence.time().start().withZoneSameInstant(zone)) + " "
                + format.format(occurrence.time().end().withZoneSameInstant(zone));
    }
}
