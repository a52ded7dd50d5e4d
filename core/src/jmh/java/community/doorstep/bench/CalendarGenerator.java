package community.doorstep.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes calendars that look like the ones community groups publish from Google or Outlook: one-off events and
 * recurring series (weekly on set days, fortnightly, monthly on the second Saturday or a day of the month; some
 * with COUNT, some with UNTIL, some without end, a few with EXDATE), all in Europe/London with its VTIMEZONE,
 * with titles, descriptions and venues, lines folded at 75 octets. The same seed always writes the same text.
 *
 * <p>Instance dates of every series are worked out here as well, so a generator can promise that a series stays
 * clear of a window; the benchmarks still check that promise against Doorstep's own expansion.
 */
public final class CalendarGenerator {
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final String[] BYDAY = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private static final String[] ACTIVITIES = {
            "Lunch Club", "Knit and Natter", "Food Bank", "Toddler Group", "Repair Café", "Digital Drop-in",
            "Chair Yoga", "Welsh for Beginners", "Community Garden Volunteering", "Warm Space", "Coffee Morning",
            "Youth Club", "Bingo Night", "Men's Shed", "Walking Group", "Homework Club", "Carers' Support Group",
            "Singing for the Brain", "Benefits Advice Surgery", "Conversation Café (ESOL)", "Table Tennis",
            "Litter Pick", "Film Night", "Baby and Me", "Money Matters Workshop", "Tenants' Association Meeting",
            "Seated Exercise", "Craft Afternoon", "Community Fridge", "Dementia Café", "Job Club", "Board Games",
    };
    private static final String[] QUALIFIERS = {
            "", "", "", "Summer ", "Spring ", "Autumn ", "Family ", "Over 60s ", "Drop-in ", "Evening ",
    };
    private static final String[] VENUES = {
            "St Saviour's Church Hall, Splott Road, Cardiff",
            "Hulme Community Garden Centre, 28 Old Birley Street, Manchester",
            "The Old Library, Trinity Street, Hulme",
            "Moss Side Leisure Centre, Hulme Walk, Manchester",
            "Canolfan Cŵm, Heol y Bont, Caerffili",
            "Grangetown Hub, Havelock Place, Cardiff",
            "Ebenezer Chapel vestry, Chapel Lane",
            "Brookfield Tenants' Room (ground floor, by the lifts)",
            "Riverside Community Centre, Clive Street",
            "Zion Arts Centre, Stretford Road, Manchester M15 5ZA",
            "The Bridge Café, 4 Market Square",
            "Ysgol Gynradd Lansdowne, school hall (use the side gate)",
            "Whalley Range Methodist Church, Withington Road",
            "Park Lodge, Hulme Park",
            "Adamsdown Community Centre, Clifton Street",
            "Library meeting room 2, first floor",
    };
    private static final String[] SENTENCES = {
            "Everyone welcome, no need to book.",
            "Booking helps us plan the food but is not essential - just turn up!",
            "Free, with tea, coffee and biscuits; donations to the hall fund are welcome.",
            "£3 per session or pay what you can.",
            "Step-free access from the car park, hearing loop in the main hall.",
            "Children must be accompanied by an adult.",
            "Bring a packed lunch if you like; hot drinks are provided.",
            "Run by volunteers from the residents' association, with support from the council's community fund.",
            "Parking is limited, so please use the bus if you can: the 86 and 101 stop outside.",
            "Croeso i bawb - everyone welcome, Welsh speakers and learners alike.",
            "Please let us know about any dietary needs when you book.",
            "Contact Jo on 07700 900123 or email hello@example.org.uk for more details.",
            "More information: https://www.example.org.uk/whats-on",
            "If the weather is bad we meet inside the café instead.",
            "We are always looking for new volunteers, especially drivers and people who can help set up.",
            "This session is part of the Warm Spaces network: soup and a hot drink are free.",
    };

    /** What kind of series, by how its RRULE repeats. */
    private enum Kind { WEEKLY, WEEKLY_TWO_DAYS, FORTNIGHTLY, MONTHLY_NTH_WEEKDAY, MONTHLY_DAY }

    /** How a series ends. */
    private enum Bound { COUNT, UNTIL_UTC, UNTIL_DATE, NONE }

    private final Random random;
    private final String uidSuffix;
    private final List<String> events = new ArrayList<>();
    private int recurring;

    /**
     * @param seed      seed of the random choices
     * @param uidSuffix set apart the UIDs of calendars that end up on one site (a short lower-case word)
     */
    public CalendarGenerator(long seed, String uidSuffix) {
        this.random = new Random(seed);
        this.uidSuffix = uidSuffix;
    }

    /** The events written so far, each a whole VEVENT block with CRLF line ends. */
    public List<String> events() {
        return List.copyOf(events);
    }

    public int recurringSeries() {
        return recurring;
    }

    /**
     * Adds {@code count} events spread over 2026, {@code series} of them recurring: some without end, so a
     * window anywhere in 2026 (or after) meets a realistic mix of one-offs and series.
     */
    public CalendarGenerator spreadOver2026(int count, int series) {
        LocalDate first = LocalDate.of(2026, 1, 1);
        LocalDate last = LocalDate.of(2026, 12, 31);
        List<Boolean> recurs = shuffledFlags(count, series);
        for (boolean isSeries : recurs) {
            LocalDate day = between(first, last);
            if (isSeries) {
                addSeries(day, null, pickBound(true));
            } else {
                addOneOff(day);
            }
        }
        return this;
    }

    /**
     * Adds {@code count} events, {@code series} of them recurring, none of which has an instance anywhere near
     * [{@code windowFrom}, {@code windowTo}): one-offs in the other months of 2026 and 2027, and bounded series
     * that end at least a week before the window or start in the month after it ends or later.
     */
    public CalendarGenerator outside(LocalDate windowFrom, LocalDate windowTo, int count, int series) {
        LocalDate firstMonthAfter = windowTo.withDayOfMonth(1).plusMonths(1);
        LocalDate before = windowFrom.minusDays(8);
        List<Boolean> recurs = shuffledFlags(count, series);
        for (boolean isSeries : recurs) {
            if (isSeries) {
                if (random.nextInt(100) < 40 && before.isAfter(LocalDate.of(2026, 2, 1))) {
                    // Ends before the window: starts early in 2026, bounded so its last instance is before `before`.
                    LocalDate start = between(LocalDate.of(2026, 1, 1), before.minusDays(35));
                    addSeries(start, before, pickBound(false));
                } else {
                    LocalDate start = between(firstMonthAfter, LocalDate.of(2027, 12, 31));
                    addSeries(start, LocalDate.of(2028, 12, 31), pickBound(false));
                }
            } else {
                LocalDate day;
                do {
                    day = between(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
                } while (!day.isBefore(windowFrom.withDayOfMonth(1)) && day.isBefore(firstMonthAfter));
                addOneOff(day);
            }
        }
        return this;
    }

    /** All events so far as one calendar. */
    public String calendar(String name) {
        return calendar(name, events);
    }

    /** The events so far as calendars of at most {@code perCalendar} events each (a feed has a size limit). */
    public List<String> calendars(String name, int perCalendar) {
        List<String> calendars = new ArrayList<>();
        for (int from = 0; from < events.size(); from += perCalendar) {
            calendars.add(calendar(name + " (" + (calendars.size() + 1) + ")",
                    events.subList(from, Math.min(events.size(), from + perCalendar))));
        }
        return calendars;
    }

    /** A VCALENDAR in Google's shape, with the Europe/London VTIMEZONE, around the given VEVENT blocks. */
    public static String calendar(String name, List<String> vevents) {
        StringBuilder out = new StringBuilder(vevents.size() * 700 + 1024);
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//Google Inc//Google Calendar 70.9054//EN");
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(name));
        line(out, "X-WR-TIMEZONE:Europe/London");
        line(out, "X-WR-CALDESC:" + escape("What's on at " + name + ": groups, clubs and drop-ins."));
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:Europe/London");
        line(out, "X-LIC-LOCATION:Europe/London");
        line(out, "BEGIN:DAYLIGHT");
        line(out, "TZOFFSETFROM:+0000");
        line(out, "TZOFFSETTO:+0100");
        line(out, "TZNAME:BST");
        line(out, "DTSTART:19700329T010000");
        line(out, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        line(out, "END:DAYLIGHT");
        line(out, "BEGIN:STANDARD");
        line(out, "TZOFFSETFROM:+0100");
        line(out, "TZOFFSETTO:+0000");
        line(out, "TZNAME:GMT");
        line(out, "DTSTART:19701025T020000");
        line(out, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
        for (String vevent : vevents) {
            out.append(vevent);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private void addOneOff(LocalDate day) {
        StringBuilder out = new StringBuilder(768);
        begin(out);
        if (random.nextInt(100) < 5) {
            line(out, "DTSTART;VALUE=DATE:" + DAY.format(day));
            line(out, "DTEND;VALUE=DATE:" + DAY.format(day.plusDays(1)));
        } else {
            LocalDateTime start = day.atTime(startTime());
            line(out, "DTSTART;TZID=Europe/London:" + LOCAL.format(start));
            line(out, "DTEND;TZID=Europe/London:" + LOCAL.format(start.plusMinutes(lengthMinutes())));
        }
        end(out, false);
        events.add(out.toString());
    }

    /**
     * A series whose first instance is on or after {@code around}; with a {@code limit}, its last instance is on
     * or before that day (so it must have an end).
     */
    private void addSeries(LocalDate around, LocalDate limit, Bound bound) {
        Kind kind = pickKind();
        Set<DayOfWeek> days = EnumSet.of(around.getDayOfWeek());
        int nth = 0;
        String rule;
        LocalDate start;
        switch (kind) {
            case WEEKLY -> {
                start = around;
                rule = "FREQ=WEEKLY;BYDAY=" + BYDAY[around.getDayOfWeek().ordinal()];
            }
            case WEEKLY_TWO_DAYS -> {
                start = around;
                DayOfWeek other = around.getDayOfWeek().plus(2 + random.nextInt(3));
                days.add(other);
                rule = "FREQ=WEEKLY;BYDAY=" + byDays(days);
            }
            case FORTNIGHTLY -> {
                start = around;
                rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + BYDAY[around.getDayOfWeek().ordinal()];
            }
            case MONTHLY_NTH_WEEKDAY -> {
                nth = new int[] {1, 2, 2, 3, -1}[random.nextInt(5)];
                DayOfWeek weekday = random.nextBoolean() ? DayOfWeek.SATURDAY : DayOfWeek.of(1 + random.nextInt(7));
                days = EnumSet.of(weekday);
                start = nthInMonth(around, nth, weekday);
                if (start.isBefore(around)) {
                    start = nthInMonth(around.plusMonths(1), nth, weekday);
                }
                rule = "FREQ=MONTHLY;BYDAY=" + nth + BYDAY[weekday.ordinal()];
            }
            case MONTHLY_DAY -> {
                int dayOfMonth = 1 + random.nextInt(28);
                start = around.withDayOfMonth(dayOfMonth);
                if (start.isBefore(around)) {
                    start = start.plusMonths(1);
                }
                rule = "FREQ=MONTHLY;BYMONTHDAY=" + dayOfMonth;
            }
            default -> throw new IllegalStateException(kind.name());
        }

        LocalTime at = startTime();
        int minutes = lengthMinutes();
        // The instance dates up to the series' natural end (or a bounded look-ahead for a series without end).
        LocalDate horizon = start.plusMonths(bound == Bound.NONE ? 6 : 1 + random.nextInt(5));
        if (limit != null && horizon.isAfter(limit)) {
            horizon = limit;
        }
        List<LocalDate> instances = instances(kind, start, days, nth, horizon);
        if (instances.isEmpty()) {
            throw new IllegalStateException("a series starting " + start + " has no instance before " + horizon);
        }
        if (bound == Bound.COUNT) {
            int wanted = kind.name().startsWith("MONTHLY") ? 3 + random.nextInt(8) : 4 + random.nextInt(17);
            int count = Math.min(wanted, instances.size());
            rule += ";COUNT=" + count;
            instances = instances.subList(0, count);
        } else if (bound == Bound.UNTIL_UTC) {
            LocalDate lastDay = instances.get(instances.size() - 1);
            rule += ";UNTIL=" + UTC.format(lastDay.atTime(23, 59, 59).atZone(LONDON).withZoneSameInstant(ZoneOffset.UTC));
        } else if (bound == Bound.UNTIL_DATE) {
            rule += ";UNTIL=" + DAY.format(instances.get(instances.size() - 1));
        }

        StringBuilder out = new StringBuilder(896);
        begin(out);
        LocalDateTime first = start.atTime(at);
        line(out, "DTSTART;TZID=Europe/London:" + LOCAL.format(first));
        line(out, "DTEND;TZID=Europe/London:" + LOCAL.format(first.plusMinutes(minutes)));
        line(out, "RRULE:" + rule);
        if (instances.size() > 3 && random.nextInt(100) < 12) {
            // Cancelled instances (bank holidays, the hall is booked…), never the first one.
            List<String> excluded = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                excluded.add(LOCAL.format(instances.get(1 + random.nextInt(instances.size() - 1)).atTime(at)));
            }
            line(out, "EXDATE;TZID=Europe/London:" + String.join(",", excluded.stream().distinct().sorted().toList()));
        }
        end(out, true);
        events.add(out.toString());
        recurring++;
    }

    /** Instance dates of the series from its first up to and including {@code last}. */
    private static List<LocalDate> instances(Kind kind, LocalDate start, Set<DayOfWeek> days, int nth, LocalDate last) {
        List<LocalDate> dates = new ArrayList<>();
        switch (kind) {
            case WEEKLY, WEEKLY_TWO_DAYS, FORTNIGHTLY -> {
                int interval = kind == Kind.FORTNIGHTLY ? 2 : 1;
                LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                for (LocalDate week = monday; !week.isAfter(last); week = week.plusWeeks(interval)) {
                    for (DayOfWeek day : days) {
                        LocalDate date = week.plusDays(day.ordinal());
                        if (!date.isBefore(start) && !date.isAfter(last)) {
                            dates.add(date);
                        }
                    }
                }
            }
            case MONTHLY_NTH_WEEKDAY -> {
                DayOfWeek weekday = days.iterator().next();
                for (LocalDate month = start.withDayOfMonth(1); !month.isAfter(last); month = month.plusMonths(1)) {
                    LocalDate date = nthInMonth(month, nth, weekday);
                    if (!date.isBefore(start) && !date.isAfter(last)) {
                        dates.add(date);
                    }
                }
            }
            case MONTHLY_DAY -> {
                for (LocalDate date = start; !date.isAfter(last); date = date.plusMonths(1)) {
                    dates.add(date);
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        dates.sort(null);
        return dates;
    }

    private static LocalDate nthInMonth(LocalDate inMonth, int nth, DayOfWeek weekday) {
        return nth < 0 ? inMonth.with(TemporalAdjusters.lastInMonth(weekday))
                : inMonth.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
    }

    private static String byDays(Set<DayOfWeek> days) {
        return String.join(",", days.stream().map(day -> BYDAY[day.ordinal()]).toList());
    }

    private Kind pickKind() {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return Kind.WEEKLY;
        } else if (roll < 50) {
            return Kind.WEEKLY_TWO_DAYS;
        } else if (roll < 62) {
            return Kind.FORTNIGHTLY;
        } else if (roll < 85) {
            return Kind.MONTHLY_NTH_WEEKDAY;
        }
        return Kind.MONTHLY_DAY;
    }

    private Bound pickBound(boolean mayBeEndless) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return Bound.COUNT;
        } else if (roll < 70) {
            return Bound.UNTIL_UTC;
        } else if (roll < 85 || !mayBeEndless) {
            return Bound.UNTIL_DATE;
        }
        return Bound.NONE;
    }

    private void begin(StringBuilder out) {
        line(out, "BEGIN:VEVENT");
    }

    /** The properties every event has, after its times, and END:VEVENT. */
    private void end(StringBuilder out, boolean series) {
        int number = events.size() + 1;
        line(out, "DTSTAMP:20260214T093512Z");
        line(out, "UID:" + token(18) + String.format(Locale.ROOT, "%06d", number) + uidSuffix + "@google.com");
        LocalDateTime created = LocalDate.of(2025, 9, 1).plusDays(random.nextInt(150)).atTime(9 + random.nextInt(9),
                random.nextInt(60), random.nextInt(60));
        line(out, "CREATED:" + UTC.format(created));
        line(out, "LAST-MODIFIED:" + UTC.format(created.plus(random.nextInt(2000), ChronoUnit.MINUTES)));
        line(out, "DESCRIPTION:" + escape(description()));
        String venue = VENUES[random.nextInt(VENUES.length)];
        line(out, "LOCATION:" + escape(venue));
        if (random.nextInt(100) < 25) {
            line(out, "CATEGORIES:" + (series ? "Regular" : "One-off") + ","
                    + (random.nextBoolean() ? "Older people" : "Families"));
        }
        line(out, "SEQUENCE:" + (random.nextInt(100) < 80 ? 0 : 1 + random.nextInt(3)));
        line(out, "STATUS:" + (random.nextInt(100) < 3 ? "TENTATIVE" : "CONFIRMED"));
        String activity = ACTIVITIES[random.nextInt(ACTIVITIES.length)];
        line(out, "SUMMARY:" + escape(QUALIFIERS[random.nextInt(QUALIFIERS.length)] + activity));
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
    }

    private String description() {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            if (i > 0) {
                text.append(random.nextInt(4) == 0 ? "\n\n" : " ");
            }
            text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        return text.toString();
    }

    private LocalTime startTime() {
        // 09:00 to 19:30, so an event of at most three hours ends the same day.
        return LocalTime.of(9 + random.nextInt(11), random.nextBoolean() ? 0 : 30);
    }

    private int lengthMinutes() {
        return new int[] {60, 60, 90, 90, 120, 120, 150, 180}[random.nextInt(8)];
    }

    private LocalDate between(LocalDate first, LocalDate last) {
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, last) + 1));
    }

    private List<Boolean> shuffledFlags(int count, int trues) {
        if (trues > count || trues < 0) {
            throw new IllegalArgumentException(trues + " series among " + count + " events");
        }
        List<Boolean> flags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            flags.add(i < trues);
        }
        java.util.Collections.shuffle(flags, random);
        return flags;
    }

    private String token(int length) {
        String alphabet = "0123456789abcdefghijklmnopqrstuv";
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    /** RFC 5545 TEXT escaping. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets, as RFC 5545 asks, never inside a UTF-8 sequence. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
