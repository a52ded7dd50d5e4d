package community.doorstep.notify;

import community.doorstep.schedule.DueTask;
import community.doorstep.schedule.DueWork;
import community.doorstep.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The transactional outbox. A feature enqueues a message inside the change that causes it; the message and its
 * delivery task commit with the change, or not at all. Delivery is due work: retried with growing pauses under the
 * same message id (so receivers drop repeats), given up after {@value #MAX_ATTEMPTS} attempts or when the receiver
 * refuses for good; a receiver that answers 410 Gone is sent nothing more. A crash delays a message, never loses it.
 * Get it from {@link community.doorstep.Doorstep#outbox()}.
 */
public final class Outbox {
    /** The due task that delivers one message; its instance id is the message id. */
    public static final String DELIVER = "deliver-message";
    /** Attempts before a message is given up. */
    public static final int MAX_ATTEMPTS = 12;
    /**
     * Delivered and failed messages (contact details among them) are kept this long, for the coordinator's view;
     * those {@linkplain #forget forgotten} with what they are about go sooner.
     */
    public static final Duration KEEP_FINISHED = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final OutboxStore store;
    private final Stores stores;
    private final Notifier notifier;
    private final Clock clock;
    private final DueWork dueWork;

    /** Wired by {@link community.doorstep.Doorstep}; host applications get the outbox from there. */
    public Outbox(OutboxStore store, Stores stores, Notifier notifier, Clock clock, DueWork dueWork) {
        this.store = Objects.requireNonNull(store, "store");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dueWork = Objects.requireNonNull(dueWork, "dueWork");
        dueWork.register(new DueTask.Once(DELIVER, this::deliver));
        dueWork.register(new DueTask.Every("outbox-purge", Duration.ofHours(1),
                () -> store.purgeFinished(clock.instant().minus(KEEP_FINISHED))));
    }

    /**
     * Queues the message as part of the change being written (call it inside {@link Stores#inTransaction}); a
     * receiver that said it is gone gets nothing.
     *
     * @return whether it was queued
     */
    public boolean enqueue(Message message) {
        return enqueue(message, null);
    }

    /**
     * Queues the message as {@link #enqueue(Message)} does, as one of those about an owner (a check-in, say), to be
     * {@linkplain #forget forgotten} with it.
     */
    public boolean enqueue(Message message, String owner) {
        if (store.isGone(message.siteId(), message.to().target())) {
            LOG.info("message {} not queued: its {} receiver said it is gone", message.id(), message.to().channel());
            return false;
        }
        stores.inTransaction(() -> {
            store.add(message, owner);
            dueWork.scheduleWithChange(DELIVER, message.id(), clock.instant());
            return null;
        });
        return true;
    }

    /**
     * Deletes the messages about an owner that is gone, those still being retried too (their delivery then finds
     * nothing to send), so nothing it said stays behind it.
     */
    public void forget(String siteId, String owner) {
        store.forget(siteId, owner);
    }

    /** The site's newest messages, for the coordinator's (and the demo's) view of what was sent. */
    public List<OutboxEntry> recent(String siteId, int limit) {
        return store.recent(siteId, limit);
    }

    /** Whether the receiver at the target said it is gone, so nothing is sent to it (a coordinator should know). */
    public boolean isGone(String siteId, String target) {
        return store.isGone(siteId, target);
    }

    /** Allows sending to a receiver again after it said it was gone (a coordinator named it anew). */
    public void forgetGone(String siteId, String target) {
        store.markGone(siteId, target, false, clock.instant());
    }

    /** Delivers one message: the body of its due task. Throws to have the task retried later. */
    void deliver(String messageId) {
        OutboxEntry entry = store.find(messageId).orElse(null);
        if (entry == null || entry.state() != OutboxEntry.State.PENDING) {
            return;
        }
        Message message = entry.message();
        try {
            notifier.send(message);
            store.attempted(messageId, OutboxEntry.State.DELIVERED, null, clock.instant());
        } catch (DeliveryException e) {
            failed(entry, e.permanent(), e.gone(), e.getMessage(), e);
        } catch (RuntimeException e) {
            // a notifier that broke in a way it did not mean to (a host's own, or a closed client) is tried again
            // like any passing failure, and given up in the end: never left pending for ever
            failed(entry, false, false, "the notifier failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private void failed(OutboxEntry entry, boolean permanent, boolean gone, String reason, RuntimeException cause) {
        Message message = entry.message();
        boolean last = permanent || entry.attempts() + 1 >= MAX_ATTEMPTS;
        store.attempted(message.id(), last ? OutboxEntry.State.FAILED : OutboxEntry.State.PENDING, reason, clock.instant());
        if (gone) {
            store.markGone(message.siteId(), message.to().target(), true, clock.instant());
        }
        // the reason is written without contact details; the message's target and text never reach the log
        LOG.warn("message {} ({}) not delivered, attempt {}{}: {}", message.id(), message.to().channel(),
                entry.attempts() + 1, last ? ", giving up" : ", will retry", reason);
        if (!last) {
            throw cause instanceof DeliveryException ? cause : DeliveryException.retry(reason, null);
        }
    }
}
