package community.doorstep.events;

import java.time.Instant;

/**
 * How a feed's imports have gone, shown to its organisers: a failing feed keeps its last good events
 * and says why it failed, in plain words.
 *
 * @param siteId      the site
 * @param feedId      the feed
 * @param lastAttempt when an import was last tried, or {@code null}
 * @param lastSuccess when an import last succeeded, or {@code null}
 * @param lastError   why the last attempt failed, or {@code null} when it succeeded
 * @param checksum    the checksum of the calendar last imported, or {@code null}
 * @param etag         the feed server's ETag from the last success, for a conditional GET, or {@code null}
 * @param lastModified the feed server's Last-Modified from the last success, or {@code null}
 */
public record FeedStatus(String siteId, String feedId, Instant lastAttempt, Instant lastSuccess, String lastError,
                         String checksum, String etag, String lastModified) {
}
