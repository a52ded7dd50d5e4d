package community.doorstep.help;

/** How help changes hands. */
public enum Handover {
    /** The resident collects it. */
    COLLECTION,
    /** The giver brings it. */
    DELIVERY,
    /** Either, as the two sides agree. */
    EITHER
}
