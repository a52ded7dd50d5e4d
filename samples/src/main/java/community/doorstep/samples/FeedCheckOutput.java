package community.doorstep.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import community.doorstep.events.Occurrence;
import community.doorstep.events.SkippedItem;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a feed check's result as a readable table or as one JSON array. */
final class FeedCheckOutput {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final int TITLE_WIDTH = 44;

    /** One occurrence as the JSON output promises it: dates for all-day, offset date-times otherwise. */
    record OccurrenceJson(String uid, String title, String start, String end, boolean allDay, String status,
                          String location, String onlineLink) {
        static OccurrenceJson of(Occurrence occurrence, ZoneId zone) {
            boolean allDay = occurrence.time().allDay();
            return new OccurrenceJson(occurrence.event().uid(), occurrence.event().title(),
                    format(occurrence.time().start(), allDay, zone), format(occurrence.time().end(), allDay, zone),
                    allDay, occurrence.status().wireName(),
                    occurrence.event().location() == null ? null : occurrence.event().location().name(),
                    occurrence.event().onlineLink() == null ? null : occurrence.event().onlineLink().toString());
        }

        private static String format(ZonedDateTime at, boolean allDay, ZoneId zone) {
            return allDay ? at.toLocalDate().toString()
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withZoneSameInstant(zone));
        }
    }

    private FeedCheckOutput() {
    }

    static void json(FeedCheck.Result result, PrintWriter out, PrintWriter err) {
        List<OccurrenceJson> rows = result.occurrences().stream().map(o -> OccurrenceJson.of(o, result.zone())).toList();
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain records always serialise", e);
        }
        for (SkippedItem item : result.report().skipped()) {
            err.println((item.reason() == SkippedItem.Reason.REPAIRED ? "repaired " : "skipped ") + item.uid() + ": "
                    + item.detail());
        }
    }

    static void text(FeedCheck.Result result, PrintWriter out) {
        out.printf("%d occurrence%s from %s to %s (%s)%n%n", result.occurrences().size(),
                result.occurrences().size() == 1 ? "" : "s", result.from(), result.to(), result.zone());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"When", "Status", "Title", "Where"});
        for (Occurrence occurrence : result.occurrences()) {
            rows.add(new String[]{when(occurrence, result.zone()), occurrence.status().wireName(),
                    shorten(occurrence.event().title()), where(occurrence)});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int column = 0; column < 4; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            out.println(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s",
                    (Object[]) row).stripTrailing());
        }
        List<SkippedItem> skipped = result.report().skipped();
        list(out, "Left out of the calendar:", skipped.stream().filter(item -> item.reason() != SkippedItem.Reason.REPAIRED).toList());
        list(out, "Published after a repair:", skipped.stream().filter(item -> item.reason() == SkippedItem.Reason.REPAIRED).toList());
    }

    private static void list(PrintWriter out, String heading, List<SkippedItem> items) {
        if (!items.isEmpty()) {
            out.println();
            out.println(heading);
            for (SkippedItem item : items) {
                out.println("  " + item.uid() + ": " + item.detail());
            }
        }
    }

    private static String when(Occurrence occurrence, ZoneId zone) {
        if (occurrence.time().allDay()) {
            var first = occurrence.time().start().toLocalDate();
            var last = occurrence.time().end().toLocalDate().minusDays(1);
            return first.equals(last) ? DAY.format(first) + ", all day"
                    : DAY.format(first) + " to " + DAY.format(last) + ", all day";
        }
        ZonedDateTime start = occurrence.time().start().withZoneSameInstant(zone);
        ZonedDateTime end = occurrence.time().end().withZoneSameInstant(zone);
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : DAY.format(end) + " " + TIME.format(end);
        return DAY.format(start) + " " + TIME.format(start) + "–" + endText;
    }

    private static String where(Occurrence occurrence) {
        var event = occurrence.event();
        if (event.location() != null && event.location().name() != null) {
            return event.location().name();
        }
        return event.onlineLink() != null ? "online" : "";
    }

    private static String shorten(String title) {
        return title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 1) + "…";
    }
}
