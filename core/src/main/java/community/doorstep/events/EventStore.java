package community.doorstep.events;

import community.doorstep.access.ModerationState;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where events are kept. Implementations must be thread-safe and answer {@link #findOverlapping} from an
 * index on {@link EventSpan}, so that the cost of a window query follows the window, not the store.
 */
public interface EventStore {
    /** The store this feature keeps on the chosen storage: in memory, or in its tables over JDBC. */
    static EventStore of(community.doorstep.store.Stores stores) {
        return stores.shared(EventStore.class, () -> stores.memoryOnly()
                ? new MemoryEventStore(stores.contentVersions())
                : new JdbcEventStore(stores.database(), stores.contentVersions()));
    }


    /** One event of a site by id, whatever its moderation state. */
    Optional<Event> find(String siteId, String eventId);

    /**
     * Approved and pending events (series, one-offs and overrides) whose {@link EventSpan} may overlap
     * [from, to). May return more than overlaps; never fewer.
     */
    List<Event> findOverlapping(String siteId, Instant from, Instant to);

    /** The overrides (events with a recurrence id) of the series with these uids. */
    List<Event> findOverrides(String siteId, Collection<String> uids);

    /** Events of a site in one moderation state, e.g. the suggestions waiting for a coordinator. */
    List<Event> findByModeration(String siteId, ModerationState state);

    /** All events that came from one feed. */
    List<Event> feedEvents(String siteId, String feedId);

    /** Registers a feed or changes its organisation or address; its events and status stay. */
    void saveFeed(Feed feed);

    /** One feed of a site, if registered. */
    Optional<Feed> findFeed(String siteId, String feedId);

    /** Removes a feed with its status and every event it brought, in one change; removing none does nothing. */
    void deleteFeed(String siteId, String feedId);

    /** A site's feeds, by id. */
    List<Feed> feeds(String siteId);

    /** How the feed's imports have gone; empty before the first attempt. */
    Optional<FeedStatus> feedStatus(String siteId, String feedId);

    /**
     * Applies one import whole, or not at all, and records it as the feed's last success. Two events of one
     * feed with the same uid and recurrence id but different ids are a {@link community.doorstep.ConflictException}.
     */
    void apply(FeedImport feedImport);

    /** Records a failed import attempt; the feed's events stay as they were. */
    void recordFeedFailure(String siteId, String feedId, Instant at, String error);

    /** Creates or replaces one event by id. */
    void save(Event event);

    /** Stores {@code next} in place of {@code expected} only if the event is still exactly as expected, in one step. */
    boolean replace(Event expected, Event next);

    /** Deletes one event; deleting what is not there does nothing. */
    void delete(String siteId, String eventId);
}
