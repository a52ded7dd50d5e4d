package community.doorstep.help;

import community.doorstep.ConflictException;
import community.doorstep.access.ModerationState;
import community.doorstep.internal.ContentVersions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The help board in memory: one lock, so every change is atomic. */
final class MemoryHelpStore implements HelpStore {
    private final ContentVersions versions;
    private final Map<String, HelpSettings> settings = new HashMap<>();
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final Map<String, HelpRequest> requests = new LinkedHashMap<>();
    private final List<ThreadPost> posts = new ArrayList<>();
    private final Map<String, HelpCount> counts = new HashMap<>();

    MemoryHelpStore(ContentVersions versions) {
        this.versions = versions;
    }

    private static String key(String siteId, String id) {
        return siteId + "/" + id;
    }

    @Override
    public synchronized Optional<HelpSettings> settings(String siteId) {
        return Optional.ofNullable(settings.get(siteId));
    }

    @Override
    public synchronized void saveSettings(HelpSettings newSettings) {
        settings.put(newSettings.siteId(), newSettings);
        versions.bump(newSettings.siteId());
    }

    @Override
    public synchronized void addOffer(Offer offer) {
        if (offers.putIfAbsent(key(offer.siteId(), offer.id()), offer) != null) {
            throw new ConflictException("there is an offer " + offer.id() + " already");
        }
        versions.bump(offer.siteId());
    }

    @Override
    public synchronized Optional<Offer> offer(String siteId, String offerId) {
        return Optional.ofNullable(offers.get(key(siteId, offerId)));
    }

    @Override
    public synchronized List<Offer> offers(String siteId, Set<OfferState> states) {
        return offers.values().stream().filter(o -> o.siteId().equals(siteId) && states.contains(o.state()))
                .sorted(Comparator.comparing(Offer::createdAt).thenComparing(Offer::id)).toList();
    }

    @Override
    public synchronized boolean updateOffer(Offer offer, Set<OfferState> from) {
        Offer stored = offers.get(key(offer.siteId(), offer.id()));
        if (stored == null || !from.contains(stored.state())) {
            return false;
        }
        offers.put(key(offer.siteId(), offer.id()), new Offer(stored.siteId(), stored.id(), stored.details(),
                stored.held(), stored.confirmed(), offer.state(), offer.moderation(), stored.createdAt(), offer.closedAt()));
        versions.bump(offer.siteId());
        return true;
    }

    @Override
    public synchronized boolean hold(Claim claim, Instant now) {
        Offer offer = offers.get(key(claim.siteId(), claim.offerId()));
        int quantity = claim.details().quantity();
        if (offer == null || offer.state() != OfferState.OPEN || offer.moderation() != ModerationState.APPROVED
                || !offer.details().expiresAt().isAfter(now) || offer.remaining() < quantity) {
            return false;
        }
        if (claims.containsKey(key(claim.siteId(), claim.id()))) {
            throw new ConflictException("there is a claim " + claim.id() + " already");
        }
        moveUnits(offer, claim.state().held(quantity), claim.state().confirmed(quantity));
        claims.put(key(claim.siteId(), claim.id()), claim);
        return true;
    }

    private void moveUnits(Offer offer, int heldChange, int confirmedChange) {
        int held = offer.held() + heldChange;
        int confirmed = offer.confirmed() + confirmedChange;
        OfferState state = offer.state().isOver() ? offer.state()
                : held + confirmed >= offer.details().quantity() ? OfferState.FULL : OfferState.OPEN;
        offers.put(key(offer.siteId(), offer.id()), new Offer(offer.siteId(), offer.id(), offer.details(), held,
                confirmed, state, offer.moderation(), offer.createdAt(), offer.closedAt()));
        versions.bump(offer.siteId());
    }

    @Override
    public synchronized Optional<Claim> claim(String siteId, String claimId) {
        return Optional.ofNullable(claims.get(key(siteId, claimId)));
    }

    @Override
    public synchronized List<Claim> claims(String siteId, String offerId) {
        return claims.values().stream().filter(c -> c.siteId().equals(siteId) && c.offerId().equals(offerId))
                .sorted(Comparator.comparing(Claim::createdAt).thenComparing(Claim::id)).toList();
    }

    @Override
    public synchronized boolean moveClaim(Claim claim, ClaimState to, Instant closedAt) {
        Claim stored = claims.get(key(claim.siteId(), claim.id()));
        if (stored == null || stored.state() != claim.state()) {
            return false;
        }
        int quantity = stored.details().quantity();
        Offer offer = offers.get(key(claim.siteId(), claim.offerId()));
        if (offer != null) {
            moveUnits(offer, to.held(quantity) - stored.state().held(quantity),
                    to.confirmed(quantity) - stored.state().confirmed(quantity));
        }
        claims.put(key(claim.siteId(), claim.id()), stored.withState(to, closedAt));
        return true;
    }

    @Override
    public synchronized void updateShares(Claim claim) {
        claims.computeIfPresent(key(claim.siteId(), claim.id()), (k, stored) -> stored
                .withShares(Side.GIVER, claim.giverShares()).withShares(Side.RECEIVER, claim.claimantShares()));
    }

    @Override
    public synchronized void addRequest(HelpRequest request) {
        if (requests.putIfAbsent(key(request.siteId(), request.id()), request) != null) {
            throw new ConflictException("there is a request " + request.id() + " already");
        }
        versions.bump(request.siteId());
    }

    @Override
    public synchronized Optional<HelpRequest> request(String siteId, String requestId) {
        return Optional.ofNullable(requests.get(key(siteId, requestId)));
    }

    @Override
    public synchronized List<HelpRequest> requests(String siteId, Set<RequestState> states) {
        return requests.values().stream().filter(r -> r.siteId().equals(siteId) && states.contains(r.state()))
                .sorted(Comparator.comparing(HelpRequest::createdAt).thenComparing(HelpRequest::id)).toList();
    }

    @Override
    public synchronized boolean updateRequest(HelpRequest request, Set<RequestState> from) {
        HelpRequest stored = requests.get(key(request.siteId(), request.id()));
        if (stored == null || !from.contains(stored.state())) {
            return false;
        }
        requests.put(key(request.siteId(), request.id()), new HelpRequest(stored.siteId(), stored.id(),
                stored.details(), request.state(), request.offerId(), request.claimId(), request.helper(),
                request.requesterShares(), request.helperShares(), request.moderation(), stored.createdAt(),
                request.closedAt()));
        versions.bump(request.siteId());
        return true;
    }

    @Override
    public synchronized void addPost(ThreadPost post) {
        posts.add(post);
    }

    @Override
    public synchronized List<ThreadPost> posts(String siteId, String threadId) {
        return posts.stream().filter(p -> p.siteId().equals(siteId) && p.threadId().equals(threadId))
                .sorted(Comparator.comparing(ThreadPost::at).thenComparing(ThreadPost::id)).toList();
    }

    @Override
    public synchronized void addCount(HelpCount count) {
        counts.merge(count.siteId() + "/" + count.week() + "/" + count.area() + "/" + count.category(), count,
                (a, b) -> new HelpCount(a.siteId(), a.week(), a.area(), a.category(), a.unitsGiven() + b.unitsGiven(),
                        a.requestsCompleted() + b.requestsCompleted()));
    }

    @Override
    public synchronized List<HelpCount> counts(String siteId) {
        return counts.values().stream().filter(c -> c.siteId().equals(siteId))
                .sorted(Comparator.comparing(HelpCount::week).thenComparing(HelpCount::area)
                        .thenComparing(HelpCount::category)).toList();
    }

    @Override
    public synchronized void deleteOffer(String siteId, String offerId) {
        claims(siteId, offerId).forEach(claim -> deleteClaim(siteId, claim.id()));
        offers.remove(key(siteId, offerId));
        versions.bump(siteId);
    }

    @Override
    public synchronized void deleteClaim(String siteId, String claimId) {
        claims.remove(key(siteId, claimId));
        posts.removeIf(p -> p.siteId().equals(siteId) && p.threadId().equals(claimId));
    }

    @Override
    public synchronized void deleteRequest(String siteId, String requestId) {
        requests.remove(key(siteId, requestId));
        versions.bump(siteId);
        posts.removeIf(p -> p.siteId().equals(siteId) && p.threadId().equals(requestId));
    }
}
