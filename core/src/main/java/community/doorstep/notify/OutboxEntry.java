package community.doorstep.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A message in the outbox and how its delivery has gone. Holds contact details: never logged.
 *
 * @param message    the message
 * @param state      pending, delivered or failed
 * @param attempts   how many times delivery was tried
 * @param lastError  why the last attempt failed, in words without contact details, or {@code null}
 * @param finishedAt when it was delivered or given up, or {@code null} while pending
 */
public record OutboxEntry(Message message, State state, int attempts, String lastError, Instant finishedAt) {
    /** Where a message is in its delivery. */
    public enum State {
        /** Written, not yet delivered: due work will try (again). */
        PENDING,
        /** The receiver took it. */
        DELIVERED,
        /** Given up: the receiver refused it, is gone, or every retry failed. */
        FAILED
    }

    public OutboxEntry {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return "OutboxEntry[" + message + ", state=" + state + ", attempts=" + attempts + "]";
    }
}
