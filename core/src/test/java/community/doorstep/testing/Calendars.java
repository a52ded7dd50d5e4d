package community.doorstep.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small calendars written inline in tests, with CRLF line ends as RFC 5545 asks. */
public final class Calendars {
    private Calendars() {
    }

    /** A VCALENDAR around the given lines (components written out by the test). */
    public static String calendar(String... lines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Doorstep tests//EN\r\n"
                + Arrays.stream(lines).map(line -> line + "\r\n").collect(Collectors.joining())
                + "END:VCALENDAR\r\n";
    }

    /** One VEVENT with the given UID, DTSTART, SUMMARY and any further property lines. */
    public static String[] event(String uid, String dtstart, String summary, String... more) {
        String[] lines = new String[5 + more.length];
        lines[0] = "BEGIN:VEVENT";
        lines[1] = "UID:" + uid;
        lines[2] = "DTSTAMP:20260101T000000Z";
        lines[3] = "DTSTART" + dtstart;
        System.arraycopy(more, 0, lines, 4, more.length);
        lines[4 + more.length] = "SUMMARY:" + summary;
        return append(lines, "END:VEVENT");
    }

    public static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    private static String[] append(String[] lines, String last) {
        String[] longer = Arrays.copyOf(lines, lines.length + 1);
        longer[lines.length] = last;
        return longer;
    }
}
