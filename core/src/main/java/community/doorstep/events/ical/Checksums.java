package community.doorstep.events.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Content checksums for calendars and generated UIDs. */
public final class Checksums {
    /** DTSTAMP says when the file was written, not what it says: Google rewrites it on every fetch. */
    private static final Pattern DTSTAMP_LINE = Pattern.compile("(?im)^DTSTAMP[;:][^\\r\\n]*(?:\\r?\\n[ \\t][^\\r\\n]*)*\\r?\\n?");

    private Checksums() {
    }

    /** The checksum of a calendar text with its DTSTAMP lines left out, so a re-stamped feed counts as unchanged. */
    public static String ofCalendar(String text) {
        return sha256(DTSTAMP_LINE.matcher(text).replaceAll(""));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
