package community.doorstep.notify;

import community.doorstep.internal.Sealer;
import community.doorstep.store.Stores;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the outbox keeps messages until they are delivered, and a while after. Implementations are thread-safe. */
public interface OutboxStore {
    /**
     * The store this feature keeps on the chosen storage: in memory, or in its tables over JDBC, where, given a
     * sealer, a message's receiver, subject, text and data are kept encrypted.
     */
    static OutboxStore of(Stores stores, Sealer sealer) {
        return stores.shared(OutboxStore.class, () -> stores.memoryOnly()
                ? new MemoryOutboxStore()
                : new JdbcOutboxStore(stores.database(), sealer));
    }

    /**
     * Adds a pending message, in the caller's transaction when there is one.
     *
     * @param owner what the message is about (e.g. a check-in), so it can be forgotten with it; or {@code null}
     */
    void add(Message message, String owner);

    /** Deletes the owner's messages, those not yet delivered too. */
    void forget(String siteId, String owner);

    /** One message and how its delivery has gone, if the outbox still holds it. */
    Optional<OutboxEntry> find(String messageId);

    /** Records an attempt: delivered, failed for good, or failed for now (still pending). */
    void attempted(String messageId, OutboxEntry.State state, String error, Instant at);

    /** The site's newest messages first, at most {@code limit}. */
    List<OutboxEntry> recent(String siteId, int limit);

    /** Deletes delivered and failed messages finished before the instant; returns how many. */
    int purgeFinished(Instant before);

    /** Whether the receiver at the target said it is gone. */
    boolean isGone(String siteId, String target);

    /** Records that the receiver at the target is gone, or ({@code gone} false) that it may be sent to again. */
    void markGone(String siteId, String target, boolean gone, Instant at);
}
