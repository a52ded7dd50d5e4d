package community.doorstep.help;

import community.doorstep.internal.Validator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When help can be collected or delivered: one day ({@code date}), or every week on one day ({@code weekday}), between
 * two times in the site's zone.
 *
 * @param date    the day of a one-off window, or {@code null} for a weekly one
 * @param weekday the day of a weekly window, or {@code null} for a one-off one
 * @param start   from
 * @param end     until, after {@code start}
 */
public record HelpWindow(LocalDate date, DayOfWeek weekday, LocalTime start, LocalTime end) {
    public HelpWindow {
        Validator check = new Validator();
        check.that((date == null) != (weekday == null), "window", "one-of",
                "window needs either a date (one-off) or a weekday (weekly), not both or neither");
        check.date("window.date", date);
        check.required("window.start", start);
        check.required("window.end", end);
        check.that(start == null || end == null || end.isAfter(start), "window.end", "after-start",
                "window.end must be after window.start");
        check.done();
    }

    /** A one-off window. */
    public static HelpWindow on(LocalDate date, LocalTime start, LocalTime end) {
        return new HelpWindow(date, null, start, end);
    }

    /** A window every week. */
    public static HelpWindow weekly(DayOfWeek weekday, LocalTime start, LocalTime end) {
        return new HelpWindow(null, weekday, start, end);
    }

    /** Whether help can change hands on that day. */
    public boolean fallsOn(LocalDate day) {
        return date != null ? date.equals(day) : day.getDayOfWeek() == weekday;
    }

    /** When the window next opens at or after {@code from} (wall-clock time in the site's zone); empty once a one-off is past. */
    public Optional<LocalDateTime> nextStart(LocalDateTime from) {
        if (date != null) {
            LocalDateTime opens = date.atTime(start);
            return opens.isBefore(from) ? Optional.empty() : Optional.of(opens);
        }
        LocalDateTime opens = from.toLocalDate()
                .with(TemporalAdjusters.nextOrSame(weekday)).atTime(start);
        return Optional.of(opens.isBefore(from) ? opens.plusWeeks(1) : opens);
    }

    /** Whether the window comes round on some day from {@code from} to {@code until}, both included. */
    public boolean fallsBetween(LocalDate from, LocalDate until) {
        if (date != null) {
            return !date.isBefore(from) && !date.isAfter(until);
        }
        return !until.isBefore(from) && (until.toEpochDay() - from.toEpochDay() >= 6
                || from.datesUntil(until.plusDays(1)).anyMatch(day -> day.getDayOfWeek() == weekday));
    }
}
