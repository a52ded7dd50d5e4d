package community.doorstep.help;

/**
 * Where a claim is: {@link #HELD} for a set time while the giver is told, {@link #CONFIRMED} by the giver, then
 * {@link #FULFILLED} when handed over; or {@link #NO_SHOW} (recorded by the giver or a coordinator),
 * {@link #CANCELLED} (by the claimant) or {@link #LAPSED} (a hold not confirmed in time). Units of a claim that ends
 * without being fulfilled go back to the offer.
 */
public enum ClaimState {
    HELD, CONFIRMED, FULFILLED, NO_SHOW, CANCELLED, LAPSED;

    /** Units of the offer this state holds: {@code held} ones. */
    int held(int quantity) {
        return this == HELD ? quantity : 0;
    }

    /** Units of the offer this state has taken for good: {@code confirmed} ones, handed over or to be. */
    int confirmed(int quantity) {
        return this == CONFIRMED || this == FULFILLED ? quantity : 0;
    }

    /** Whether the claim is over. */
    public boolean isOver() {
        return this != HELD && this != CONFIRMED;
    }
}
