package community.doorstep.help;

/** How soon a request needs an answer. */
public enum Urgency {
    /** Within a few days is fine. */
    WHEN_POSSIBLE,
    /** Within a day or two. */
    SOON,
    /** Today: no food in the house, a hospital appointment tomorrow. */
    URGENT
}
