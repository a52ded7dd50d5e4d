package community.doorstep.help;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A claim on part of an offer.
 *
 * @param siteId         the site
 * @param id             stable id; also the id of the message thread between claimant and giver
 * @param offerId        the offer
 * @param details        quantity, name and contact as the claimant gave them
 * @param state          where it is
 * @param heldUntil      when an unconfirmed hold lapses
 * @param createdAt      when it was made
 * @param closedAt       when it ended (fulfilled, no-show, cancelled, lapsed); {@code null} before
 * @param giverShares    what of their contact the giver agreed to share with the claimant, or {@code null}: not yet
 * @param claimantShares what of their contact the claimant agreed to share with the giver, or {@code null}: not yet
 */
public record Claim(String siteId, String id, String offerId, ClaimDetails details, ClaimState state, Instant heldUntil,
                    Instant createdAt, Instant closedAt, Set<Contact.Part> giverShares, Set<Contact.Part> claimantShares) {
    public Claim {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(heldUntil, "heldUntil");
        Objects.requireNonNull(createdAt, "createdAt");
        giverShares = giverShares == null ? null : Set.copyOf(giverShares);
        claimantShares = claimantShares == null ? null : Set.copyOf(claimantShares);
    }

    public Claim withState(ClaimState newState, Instant newClosedAt) {
        return new Claim(siteId, id, offerId, details, newState, heldUntil, createdAt, newClosedAt, giverShares,
                claimantShares);
    }

    /** The same claim after one side chose what to share. */
    public Claim withShares(Side side, Set<Contact.Part> parts) {
        return side == Side.GIVER
                ? new Claim(siteId, id, offerId, details, state, heldUntil, createdAt, closedAt, parts, claimantShares)
                : new Claim(siteId, id, offerId, details, state, heldUntil, createdAt, closedAt, giverShares, parts);
    }
}
