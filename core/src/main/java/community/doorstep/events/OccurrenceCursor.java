package community.doorstep.events;

import community.doorstep.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

/** Where a page ended, in the order occurrences are listed: start, then UID, then end, then id. */
record OccurrenceCursor(long startMillis, String uid, long endMillis, String id) {
    static final Comparator<Occurrence> ORDER = Comparator
            .comparing(Occurrence::startInstant)
            .thenComparing((Occurrence o) -> o.event().uid())
            .thenComparing(Occurrence::endInstant)
            .thenComparing(Occurrence::id);

    static OccurrenceCursor of(Occurrence occurrence) {
        return new OccurrenceCursor(occurrence.startInstant().toEpochMilli(), occurrence.event().uid(),
                occurrence.endInstant().toEpochMilli(), occurrence.id());
    }

    /** Whether this cursor lies before the occurrence, i.e. the occurrence belongs on a later page. */
    boolean isBefore(Occurrence occurrence) {
        int byStart = Long.compare(startMillis, occurrence.startInstant().toEpochMilli());
        if (byStart != 0) {
            return byStart < 0;
        }
        int byUid = uid.compareTo(occurrence.event().uid());
        if (byUid != 0) {
            return byUid < 0;
        }
        int byEnd = Long.compare(endMillis, occurrence.endInstant().toEpochMilli());
        if (byEnd != 0) {
            return byEnd < 0;
        }
        return id.compareTo(occurrence.id()) < 0;
    }

    String encode() {
        String raw = startMillis + "\n" + endMillis + "\n" + id + "\n" + uid;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static OccurrenceCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 4);
            return new OccurrenceCursor(Long.parseLong(parts[0]), parts[3], Long.parseLong(parts[1]), parts[2]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw InvalidInputException.of("cursor", "invalid", "cursor is not one this service gave out");
        }
    }
}
