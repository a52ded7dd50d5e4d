package community.doorstep.events;

import java.time.Instant;
import java.util.List;

/**
 * Everything one import changes for one feed, applied by a store as a single unit: either all of it or,
 * after a failure, none (the feed keeps its previous events).
 *
 * @param siteId     the site
 * @param feedId     the feed
 * @param upserts    events created or changed, keyed by (uid, recurrenceId) with the ids they keep
 * @param removedIds ids of the feed's events that the calendar no longer holds
 * @param checksum   the checksum of the calendar text this import came from
 * @param importedAt when the import ran: the feed's last success
 * @param etag       the feed server's ETag, or {@code null}
 * @param lastModified the feed server's Last-Modified, or {@code null}
 */
public record FeedImport(String siteId, String feedId, List<Event> upserts, List<String> removedIds, String checksum,
                         Instant importedAt, String etag, String lastModified) {
    public FeedImport {
        upserts = List.copyOf(upserts);
        removedIds = List.copyOf(removedIds);
    }
}
