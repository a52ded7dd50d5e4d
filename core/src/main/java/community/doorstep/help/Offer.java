package community.doorstep.help;

import community.doorstep.access.ModerationState;

import java.time.Instant;
import java.util.Objects;

/**
 * An offer on a site's help board. Units remaining are always {@code quantity − held − confirmed}; the stores change
 * {@code held} and {@code confirmed} only atomically, so no offer is ever oversubscribed.
 *
 * @param siteId     the site
 * @param id         stable id
 * @param details    what the giver wrote
 * @param held       units held by claims not yet confirmed
 * @param confirmed  units of confirmed and fulfilled claims
 * @param state      where the offer is
 * @param moderation whether a coordinator has let it onto the board
 * @param createdAt  when it was posted
 * @param closedAt   when it closed, expired or was withdrawn; {@code null} while open or full
 */
public record Offer(String siteId, String id, OfferDetails details, int held, int confirmed, OfferState state,
                    ModerationState moderation, Instant createdAt, Instant closedAt) {
    public Offer {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(createdAt, "createdAt");
        if (held < 0 || confirmed < 0 || held + confirmed > details.quantity()) {
            throw new IllegalArgumentException("an offer's held and confirmed units fit its quantity");
        }
    }

    /** Units still free to claim. */
    public int remaining() {
        return details.quantity() - held - confirmed;
    }

    /** Whether residents can see it and claim from it at this instant. */
    public boolean isClaimable(Instant now) {
        return state == OfferState.OPEN && moderation == ModerationState.APPROVED && details.expiresAt().isAfter(now);
    }

    /** The same offer in another state. */
    public Offer withState(OfferState newState, Instant newClosedAt) {
        return new Offer(siteId, id, details, held, confirmed, newState, moderation, createdAt, newClosedAt);
    }

    /** The same offer after a coordinator's decision. */
    public Offer withModeration(ModerationState decision) {
        return new Offer(siteId, id, details, held, confirmed, state, decision, createdAt, closedAt);
    }
}
