package community.doorstep.web.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as residents type them into a plain text box, which every form field for them is: a browser's
 * date control shows a different order on every device, so its hint could never say what to type. Dates:
 * {@code 24/12/2026}, {@code 24-12-2026}, {@code 24.12.26}, {@code 24 Dec 2026}, {@code 24th December 2026},
 * {@code 24 Rhagfyr 2026} (English and Welsh month names, whole or their first letters) and {@code 2026-12-24}.
 * Times: {@code 19:00}, {@code 19.00}, {@code 1900}, {@code 7pm}, {@code 7.30 p.m.}, {@code 7yh} (Welsh), {@code 19}.
 */
public final class TypedDates {
    /** How a date is shown back in a form field: the first form this reads. */
    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th|af|ain|ydd|fed|eg)?[\\s/.,-]+(?:o\\s+)?([\\p{L}]+\\.?|\\d{1,2})[\\s/.,-]+(\\d{4}|\\d{2})");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})(?:[:.h ]?(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|y\\.?b\\.?|y\\.?h\\.?)?");
    /** Each month's English and Welsh names, lower case, January first; a Welsh name may be soft-mutated. */
    private static final List<List<String>> MONTHS = List.of(
            List.of("january", "ionawr"), List.of("february", "chwefror"), List.of("march", "mawrth", "fawrth"),
            List.of("april", "ebrill"), List.of("may", "mai", "fai"), List.of("june", "mehefin", "fehefin"),
            List.of("july", "gorffennaf", "orffennaf"), List.of("august", "awst"), List.of("september", "medi", "fedi"),
            List.of("october", "hydref"), List.of("november", "tachwedd", "dachwedd"),
            List.of("december", "rhagfyr", "ragfyr"));

    private TypedDates() {
    }

    /**
     * The date typed.
     *
     * @throws DateTimeException when it is not one of the forms above, or no such day (31/02/2026)
     */
    public static LocalDate date(String text) {
        String typed = text.strip().toLowerCase(Locale.ROOT);
        Matcher iso = ISO.matcher(typed);
        if (iso.matches()) {
            return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
        }
        Matcher parts = DAY_MONTH_YEAR.matcher(typed);
        if (!parts.matches()) {
            throw new DateTimeException("not a date in a form residents type");
        }
        int year = Integer.parseInt(parts.group(3));
        return LocalDate.of(parts.group(3).length() == 2 ? 2000 + year : year, month(parts.group(2)),
                Integer.parseInt(parts.group(1)));
    }

    /**
     * The time of day typed.
     *
     * @throws DateTimeException when it is not one of the forms above, or no such time (25:00, 13pm)
     */
    public static LocalTime time(String text) {
        Matcher parts = TIME.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!parts.matches()) {
            throw new DateTimeException("not a time in a form residents type");
        }
        int hour = Integer.parseInt(parts.group(1));
        int minute = parts.group(2) == null ? 0 : Integer.parseInt(parts.group(2));
        String half = parts.group(3) == null ? "" : parts.group(3).replace(".", "");
        if (!half.isEmpty()) {
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("a time with am or pm has an hour from 1 to 12");
            }
            boolean afternoon = half.equals("pm") || half.equals("yh");
            hour = hour % 12 + (afternoon ? 12 : 0);
        }
        return LocalTime.of(hour, minute);
    }

    /** The month a number or a name (or its first three letters or more) stands for. */
    private static int month(String typed) {
        if (Character.isDigit(typed.charAt(0))) {
            return Integer.parseInt(typed);
        }
        String name = typed.endsWith(".") ? typed.substring(0, typed.length() - 1) : typed;
        int found = 0;
        for (int month = 1; month <= 12 && name.length() >= 3; month++) {
            for (String full : MONTHS.get(month - 1)) {
                if (full.startsWith(name)) {
                    if (found != 0 && found != month) {
                        throw new DateTimeException("the month is not clear");
                    }
                    found = month;
                }
            }
        }
        if (found == 0) {
            throw new DateTimeException("not a month");
        }
        return found;
    }
}
