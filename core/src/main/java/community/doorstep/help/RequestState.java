package community.doorstep.help;

/**
 * Where a request for help is: {@link #OPEN}; {@link #SUGGESTED} when a coordinator put an offer to the resident;
 * {@link #TENTATIVE} when a helper answered it; {@link #CONFIRMED} when a match is agreed; then {@link #COMPLETED}, or
 * {@link #CANCELLED} or {@link #NO_SHOW}.
 */
public enum RequestState {
    OPEN, SUGGESTED, TENTATIVE, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW;

    /** Whether the request is over. */
    public boolean isOver() {
        return this == COMPLETED || this == CANCELLED || this == NO_SHOW;
    }
}
