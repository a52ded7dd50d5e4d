package community.doorstep.events.ical;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a video-meeting link (Zoom, Google Meet, Teams, Jitsi, Whereby) in what a calendar wrote. */
final class OnlineLinks {
    private static final Pattern MEETING = Pattern.compile(
            "https://(?:[a-z0-9-]+\\.)*(?:zoom\\.us|meet\\.google\\.com|teams\\.microsoft\\.com|teams\\.live\\.com"
                    + "|meet\\.jit\\.si|whereby\\.com)(?:/[^\\s<>\"')\\]]*)?",
            Pattern.CASE_INSENSITIVE);

    private OnlineLinks() {
    }

    /** The first meeting link in any of the texts, or {@code null}. */
    static URI find(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = MEETING.matcher(text);
            if (matcher.find()) {
                String link = matcher.group().replaceAll("[.,;:!?]+$", "");
                try {
                    return URI.create(link);
                } catch (IllegalArgumentException notAUri) {
                    // keep looking: a later text may hold a clean link
                }
            }
        }
        return null;
    }

    /** Whether the text is nothing but a meeting link (then it is no place to go to). */
    static boolean isOnlyLink(String text) {
        return text != null && MEETING.matcher(text.strip()).matches();
    }
}
