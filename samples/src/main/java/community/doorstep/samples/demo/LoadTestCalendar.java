package community.doorstep.samples.demo;

import community.doorstep.events.Event;
import community.doorstep.events.EventSource;
import community.doorstep.events.EventTime;
import community.doorstep.events.Location;
import community.doorstep.events.Recurrence;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Extra events for the load test: a busy site, one in ten a weekly series, the rest one-offs spread over the
 * year around today. Seeded, so every run loads the same calendar.
 */
final class LoadTestCalendar {
    private static final String[] TITLES = {"Coffee morning", "Chair yoga", "Homework club", "Community choir",
            "Benefits advice drop-in", "Men's shed", "Baby and toddler group", "Digital skills café", "Bingo night",
            "Allotment work day"};

    private LoadTestCalendar() {
    }

    static List<Event> events(int count, LocalDate today) {
        Random random = new Random(20261124L);
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean series = i % 10 == 0;
            LocalDate day = series ? today.minusDays(random.nextInt(60)) : today.plusDays(random.nextInt(365) - 60);
            ZonedDateTime start = day.atTime(LocalTime.of(9 + random.nextInt(10), random.nextBoolean() ? 0 : 30))
                    .atZone(DemoGroups.LONDON);
            String title = TITLES[random.nextInt(TITLES.length)];
            events.add(new Event("demo", "x", "load-" + i + "@load.demo.doorstep", null, 0, title + " " + (i + 1),
                    "A regular session for neighbours.", new EventTime(start, start.plusMinutes(90), false),
                    series ? new Recurrence(List.of("FREQ=WEEKLY;COUNT=" + (10 + random.nextInt(40))), List.of(), List.of()) : null,
                    new Location("Hall " + (1 + random.nextInt(20)) + ", Manchester", null, null, null, null), null,
                    Set.of(random.nextBoolean() ? "older-people" : "families"), null, null, null, "Free", null, null,
                    EventSource.API, null, null));
        }
        return events;
    }
}
