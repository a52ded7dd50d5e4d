package community.doorstep.events;

/**
 * A calendar component an import left out, or published only after repairing it, and why.
 *
 * @param uid    its UID, or where it stood in the calendar when it had none
 * @param reason the kind of reason
 * @param detail a plain sentence, e.g. "line 40: DTSTART is missing or not a valid date"
 */
public record SkippedItem(String uid, Reason reason, String detail) {

    /** Why a component was left out or repaired. */
    public enum Reason {
        /** Marked CLASS:PRIVATE or CONFIDENTIAL: groups' calendars hold private appointments, never published. */
        PRIVATE,
        /** Another copy with the same UID and a higher SEQUENCE won. */
        SUPERSEDED,
        /** Broken: it could not be read, or lacks what an event needs. */
        INVALID,
        /**
         * Published, but repaired: an alarm in it that could not be read was left out, or a placeholder stands in
         * for its missing title.
         */
        REPAIRED
    }
}
