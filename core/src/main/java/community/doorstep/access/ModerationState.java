package community.doorstep.access;

/** Whether residents may see something yet. Imports from a group's own feed arrive approved. */
public enum ModerationState {
    /** Waiting for a coordinator; visible only through its manage link. */
    PENDING,
    /** Public. */
    APPROVED,
    /** Refused by a coordinator; kept only until it is purged. */
    REJECTED
}
