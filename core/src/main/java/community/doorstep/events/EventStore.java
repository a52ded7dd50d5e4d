package community.doorstep.events;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where events are kept. Implementations must be thread-safe and answer {@link #findOverlapping} from an
 * index on {@link EventSpan}, so that the cost of a window query follows the window, not the store.
 */
public interface EventStore {

    Optional<Event> find(String siteId, String eventId);

    /**
     * Approved and pending events (series, one-offs and overrides) whose {@link EventSpan} may overlap
     * [from, to). May return more than overlaps; never fewer.
     */
    List<Event> findOverlapping(String siteId, Instant from, Instant to);

    /** The overrides (events with a recurrence id) of the series with these uids. */
    List<Event> findOverrides(String siteId, Collection<String> uids);

    /** All events that came from one feed. */
    List<Event> feedEvents(String siteId, String feedId);

    /** The checksum recorded by the feed's last successful import, if any. */
    Optional<String> feedChecksum(String siteId, String feedId);

    /** Applies one import whole, or not at all. */
    void apply(FeedImport feedImport);

    /** Creates or replaces one event by id. */
    void save(Event event);

    /** Deletes one event; deleting what is not there does nothing. */
    void delete(String siteId, String eventId);
}
