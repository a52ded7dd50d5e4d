package community.doorstep.help;

/** Who wrote in a message thread, or shares contact details: the one giving help, the one receiving it, or a coordinator. */
public enum Side {
    GIVER, RECEIVER, COORDINATOR
}
