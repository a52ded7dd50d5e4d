package community.doorstep.help;

import community.doorstep.access.ModerationState;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A request for help on a site's board.
 *
 * @param siteId          the site
 * @param id              stable id; also the id of the message thread between requester and helper
 * @param details         what the resident wrote
 * @param state           where it is
 * @param offerId         the offer a coordinator suggested or matched, or {@code null}
 * @param claimId         the claim a confirmed match made on that offer, or {@code null}
 * @param helper          who answered it (peer-to-peer), or {@code null}
 * @param requesterShares what of their contact the requester agreed to share, or {@code null}: not yet
 * @param helperShares    what of their contact the helper agreed to share, or {@code null}: not yet
 * @param moderation      whether a coordinator has let it onto the board
 * @param createdAt       when it was posted
 * @param closedAt        when it was completed, cancelled or marked a no-show
 */
public record HelpRequest(String siteId, String id, RequestDetails details, RequestState state, String offerId,
                          String claimId, Helper helper, Set<Contact.Part> requesterShares,
                          Set<Contact.Part> helperShares, ModerationState moderation, Instant createdAt,
                          Instant closedAt) {
    public HelpRequest {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(createdAt, "createdAt");
        requesterShares = requesterShares == null ? null : Set.copyOf(requesterShares);
        helperShares = helperShares == null ? null : Set.copyOf(helperShares);
    }

    /** The same request in another state, with the offer, claim and helper it now has. */
    public HelpRequest moved(RequestState newState, String newOfferId, String newClaimId, Helper newHelper,
                             Instant newClosedAt) {
        return new HelpRequest(siteId, id, details, newState, newOfferId, newClaimId, newHelper, requesterShares,
                helperShares, moderation, createdAt, newClosedAt);
    }

    public HelpRequest withModeration(ModerationState decision) {
        return new HelpRequest(siteId, id, details, state, offerId, claimId, helper, requesterShares, helperShares,
                decision, createdAt, closedAt);
    }

    /** The same request after one side (the requester is {@link Side#RECEIVER}) chose what to share. */
    public HelpRequest withShares(Side side, Set<Contact.Part> parts) {
        return side == Side.GIVER
                ? new HelpRequest(siteId, id, details, state, offerId, claimId, helper, requesterShares, parts,
                moderation, createdAt, closedAt)
                : new HelpRequest(siteId, id, details, state, offerId, claimId, helper, parts, helperShares,
                moderation, createdAt, closedAt);
    }
}
