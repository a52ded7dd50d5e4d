package community.doorstep.checkin;

/** Where a check-in is: waiting for the person, alerted (a tier or more told), or over (safe, or ended by a responder). */
public enum CheckInState {
    /** Running: the person has not checked in yet and nobody has been alerted. */
    WAITING,
    /** The alert is raised: its tier (and maybe later ones) were told. */
    ALERTED,
    /** Over: the person checked in, or a responder saw them safe. */
    SAFE
}
