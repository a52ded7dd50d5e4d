package community.doorstep.events;

import community.doorstep.Doorstep;
import community.doorstep.testing.TestDoorstep;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static community.doorstep.testing.Calendars.calendar;
import static community.doorstep.testing.Calendars.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of expansion, against an independent oracle: for DAILY, WEEKLY and MONTHLY (day 1 to 28) rules
 * without BY parts, instance k is simply DTSTART plus k intervals of local wall-clock time.
 */
class RecurrencePropertyTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final Feed FEED = new Feed(TestDoorstep.SITE, "generated", null, null);

    record Series(LocalDateTime start, ChronoUnit unit, int interval, int count, Set<Integer> excluded,
                  int minutes, LocalDate windowFrom, int windowDays) {

        String rule() {
            String freq = switch (unit) {
                case DAYS -> "DAILY";
                case WEEKS -> "WEEKLY";
                default -> "MONTHLY";
            };
            return "FREQ=" + freq + ";INTERVAL=" + interval + ";COUNT=" + count;
        }

        ZonedDateTime instance(int k) {
            return start.plus((long) k * interval, unit).atZone(LONDON);
        }

        List<ZonedDateTime> expectedStarts() {
            List<ZonedDateTime> starts = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                if (!excluded.contains(k)) {
                    starts.add(instance(k));
                }
            }
            return starts;
        }

        String calendarText() {
            List<String> more = new ArrayList<>(List.of("DTEND;TZID=Europe/London:" + LOCAL.format(start.plusMinutes(minutes)),
                    "RRULE:" + rule()));
            if (!excluded.isEmpty()) {
                more.add("EXDATE;TZID=Europe/London:" + excluded.stream().sorted()
                        .map(k -> LOCAL.format(instance(k).toLocalDateTime())).collect(Collectors.joining(",")));
            }
            return calendar(event("series@generated", ";TZID=Europe/London:" + LOCAL.format(start), "Generated series",
                    more.toArray(String[]::new)));
        }

        Instant from() {
            return windowFrom.atStartOfDay(LONDON).toInstant();
        }

        Instant to() {
            return windowFrom.plusDays(windowDays).atStartOfDay(LONDON).toInstant();
        }
    }

    @Provide
    Arbitrary<Series> series() {
        Arbitrary<LocalDateTime> start = Combinators.combine(
                Arbitraries.integers().between(0, 364), Arbitraries.integers().between(0, 23), Arbitraries.of(0, 15, 30, 45))
                .as((day, hour, minute) -> LocalDate.of(2026, 1, 1).plusDays(day).atTime(hour, minute));
        Arbitrary<ChronoUnit> unit = Arbitraries.of(ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS);
        return Combinators.combine(start, unit, Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(0, 39).set().ofMaxSize(5), Arbitraries.of(0, 30, 90, 24 * 60),
                        Arbitraries.integers().between(-30, 400), Arbitraries.integers().between(1, 120))
                .as((first, frequency, interval, count, excluded, minutes, offset, days) -> new Series(
                        frequency == ChronoUnit.MONTHS ? first.withDayOfMonth(Math.min(first.getDayOfMonth(), 28)) : first,
                        frequency, interval, count, excluded.stream().filter(k -> k > 0 && k < count).collect(Collectors.toSet()),
                        minutes, LocalDate.of(2026, 1, 1).plusDays(offset), days));
    }

    private static Doorstep importing(Series series) {
        Doorstep doorstep = TestDoorstep.inMemory(LONDON);
        doorstep.events().feeds().importCalendar(FEED, new ByteArrayInputStream(series.calendarText().getBytes(StandardCharsets.UTF_8)));
        return doorstep;
    }

    private static List<Occurrence> window(Doorstep doorstep, Series series) {
        return doorstep.events().calendar().query(EventQuery.window(TestDoorstep.SITE, series.from(), series.to())
                .withLimit(EventQuery.MAX_LIMIT)).occurrences();
    }

    @Property(tries = 300)
    void occurrencesAreExactlyTheOraclesInstancesOverlappingTheWindowInStartOrder(@ForAll("series") Series series) {
        List<Occurrence> found = window(importing(series), series);
        Duration length = Duration.ofMinutes(series.minutes());
        List<Instant> expected = series.expectedStarts().stream()
                .filter(start -> {
                    Instant s = start.toInstant();
                    Instant e = start.plus(length).toInstant();
                    return s.isBefore(series.to()) && (length.isZero() ? !s.isBefore(series.from()) : e.isAfter(series.from()));
                })
                .map(ZonedDateTime::toInstant).toList();

        assertThat(found).extracting(Occurrence::startInstant).containsExactlyElementsOf(expected);
        assertThat(found).extracting(Occurrence::startInstant).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(found).allSatisfy(o -> assertThat(o.overlaps(series.from(), series.to())).isTrue());
        // Wall-clock time is kept across DST, except where the clocks skip it (RFC 5545 3.3.5: shifted by the gap).
        assertThat(found).allSatisfy(o -> assertThat(o.time().start().toLocalTime()).isEqualTo(
                o.time().start().toLocalDate().atTime(series.start().toLocalTime()).atZone(LONDON).toLocalTime()));
    }

    @Property(tries = 150)
    void countIsRespectedAndExclusionsNeverAppear(@ForAll("series") Series series) {
        Doorstep doorstep = importing(series);
        LocalDate afterLast = series.instance(series.count() - 1).toLocalDate().plusDays(2);
        List<Occurrence> everything = TestDoorstep.all(doorstep, LocalDate.of(2025, 12, 1), afterLast, LONDON);
        Set<Instant> excluded = series.excluded().stream().map(k -> series.instance(k).toInstant())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(everything.size()).isEqualTo(series.count() - series.excluded().size());
        assertThat(everything).noneMatch(o -> excluded.contains(o.startInstant()));
    }

    @Property(tries = 100)
    void importingTheSameCalendarAgainChangesNothing(@ForAll("series") Series series) {
        Doorstep doorstep = importing(series);
        List<Occurrence> before = window(doorstep, series);
        String restamped = series.calendarText().replace("DTSTAMP:20260101T000000Z", "DTSTAMP:20260202T020202Z");
        ImportReport again = doorstep.events().feeds().importCalendar(FEED, new ByteArrayInputStream(restamped.getBytes(StandardCharsets.UTF_8)));
        ImportReport reparsed = doorstep.events().feeds().importCalendar(FEED,
                new ByteArrayInputStream((series.calendarText() + "\r\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(again.calendarUnchanged()).isTrue();
        assertThat(reparsed.calendarUnchanged()).isFalse();
        assertThat(reparsed.unchanged()).isEqualTo(1);
        assertThat(reparsed.created() + reparsed.updated() + reparsed.removed()).isZero();
        assertThat(window(doorstep, series)).containsExactlyElementsOf(before);
    }
}
