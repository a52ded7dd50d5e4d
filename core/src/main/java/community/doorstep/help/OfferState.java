package community.doorstep.help;

/**
 * Where an offer is: {@link #OPEN} while units remain, {@link #FULL} when every unit is held or confirmed (units coming
 * back open it again), then {@link #CLOSED} by its giver, {@link #EXPIRED} at its expiry, or {@link #WITHDRAWN}.
 */
public enum OfferState {
    OPEN, FULL, CLOSED, EXPIRED, WITHDRAWN;

    /** Whether the offer is over: nothing more can be claimed, ever. */
    public boolean isOver() {
        return this == CLOSED || this == EXPIRED || this == WITHDRAWN;
    }
}
