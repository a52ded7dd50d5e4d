package community.doorstep.access;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a resident sent that waits for a coordinator: an event suggestion now, an offer or a request of help
 * next. Only what a coordinator needs to find it; the feature holds the rest.
 *
 * @param siteId    the site it is for
 * @param kind      which feature's, e.g. {@code event}
 * @param subjectId its id within that feature
 * @param title     what it is called, for the queue's list
 * @param startsAt  when it is for (an event's start), by which the queue is ordered
 */
public record Pending(String siteId, String kind, String subjectId, String title, Instant startsAt) {
    public Pending {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
