package community.doorstep.notify;

import community.doorstep.DoorstepException;

/**
 * A message was not delivered. {@link #permanent()} tells the outbox whether to try again later or to give up:
 * a permanent failure means the receiver is gone or can never take the message.
 *
 * <p>Messages name the message id and what went wrong, never the target address, the secret or the text.
 */
public class DeliveryException extends DoorstepException {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;
    private final boolean gone;

    private DeliveryException(String message, Throwable cause, boolean permanent, boolean gone) {
        super(message, cause);
        this.permanent = permanent;
        this.gone = gone;
    }

    /**
     * A failure that may pass (the server is down, busy or slow): the outbox tries again later.
     *
     * @param message what went wrong, without contact details or secrets
     * @param cause   the underlying failure, or {@code null} when it would carry the recipient's details
     * @return the exception to throw
     */
    public static DeliveryException retry(String message, Throwable cause) {
        return new DeliveryException(message, cause, false, false);
    }

    /**
     * A failure that trying again cannot mend (the address was refused or the receiver is gone).
     *
     * @param message what went wrong, without contact details or secrets
     * @return the exception to throw
     */
    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, null, true, false);
    }

    /**
     * The receiver says it is gone for good (a webhook's 410): nothing more is sent to it.
     *
     * @param message what the receiver said, without contact details or secrets
     * @return the exception to throw
     */
    public static DeliveryException gone(String message) {
        return new DeliveryException(message, null, true, true);
    }

    /**
     * Whether the outbox should give up on this message.
     *
     * @return {@code true} when a retry cannot succeed
     */
    public boolean permanent() {
        return permanent;
    }

    /**
     * Whether the receiver asked never to be sent anything again.
     *
     * @return {@code true} for a webhook that answered 410 Gone
     */
    public boolean gone() {
        return gone;
    }
}
