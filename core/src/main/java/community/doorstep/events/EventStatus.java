package community.doorstep.events;

import java.util.Locale;

/** The iCal STATUS of an event or of one occurrence. A cancelled occurrence is shown as cancelled, not hidden. */
public enum EventStatus {
    CONFIRMED, TENTATIVE, CANCELLED;

    /** The lower-case name used in JSON and on the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
