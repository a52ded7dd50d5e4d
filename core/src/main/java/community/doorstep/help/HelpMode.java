package community.doorstep.help;

/** How a site's help board matches people: by a coordinator, or by residents themselves. */
public enum HelpMode {
    /** Residents claim offers and answer requests themselves, through their manage links. */
    PEER_TO_PEER,
    /** Requests wait on the coordinator's desk, which suggests matching offers and confirms a match. */
    DISPATCH
}
