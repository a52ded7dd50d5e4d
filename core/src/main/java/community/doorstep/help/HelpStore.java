package community.doorstep.help;

import community.doorstep.store.Stores;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the help board keeps its settings, offers, claims, requests, threads and counts. Implementations are
 * thread-safe, and {@link #hold} and {@link #moveClaim} are atomic: an offer is never oversubscribed, and a claim
 * moves from a state at most once, whatever the concurrency and however many nodes share the store. Every change the
 * board shows moves the site's content version, so cached pages of the board are never served stale.
 */
public interface HelpStore {
    /** The store this feature keeps on the chosen storage: in memory, or in its tables over JDBC. */
    static HelpStore of(Stores stores) {
        return stores.shared(HelpStore.class, () -> stores.memoryOnly()
                ? new MemoryHelpStore(stores.contentVersions())
                : new JdbcHelpStore(stores.database(), stores.contentVersions()));
    }

    Optional<HelpSettings> settings(String siteId);

    void saveSettings(HelpSettings settings);

    /** Adds a new offer, with nothing held or confirmed. */
    void addOffer(Offer offer);

    Optional<Offer> offer(String siteId, String offerId);

    /** The site's offers in any of the states, oldest first. */
    List<Offer> offers(String siteId, Set<OfferState> states);

    /**
     * Changes an offer's state, moderation and closing time to the given offer's, if it is still in one of the
     * states {@code from}; its units are untouched.
     *
     * @return whether it was changed
     */
    boolean updateOffer(Offer offer, Set<OfferState> from);

    /**
     * Adds a new claim (held or confirmed) and takes its units from the offer, if the offer is open, approved, not
     * expired at {@code now} and has that many left: all or nothing, atomically. An offer left with none is full.
     *
     * @return whether the claim was added
     */
    boolean hold(Claim claim, Instant now);

    Optional<Claim> claim(String siteId, String claimId);

    /** The offer's claims, oldest first. */
    List<Claim> claims(String siteId, String offerId);

    /**
     * Moves a claim from the state it was read in to another, moving its units between held, confirmed and free on
     * the offer (which becomes full or open again accordingly, unless it is over): atomically.
     *
     * @return whether it moved; {@code false} when its state had changed meanwhile
     */
    boolean moveClaim(Claim claim, ClaimState to, Instant closedAt);

    /** Records what each side of a claim agreed to share. */
    void updateShares(Claim claim);

    void addRequest(HelpRequest request);

    Optional<HelpRequest> request(String siteId, String requestId);

    /** The site's requests in any of the states, oldest first. */
    List<HelpRequest> requests(String siteId, Set<RequestState> states);

    /**
     * Replaces everything of a request but what the resident wrote, if it is still in one of the states {@code from}.
     *
     * @return whether it was changed
     */
    boolean updateRequest(HelpRequest request, Set<RequestState> from);

    void addPost(ThreadPost post);

    /** The thread's messages, oldest first. */
    List<ThreadPost> posts(String siteId, String threadId);

    /** Adds the count's units and requests to those kept for its week, area and category. */
    void addCount(HelpCount count);

    /** The site's counts, by week, then area, then category. */
    List<HelpCount> counts(String siteId);

    /** Deletes an offer with its claims and every message of their threads. */
    void deleteOffer(String siteId, String offerId);

    /** Deletes a claim and its thread. */
    void deleteClaim(String siteId, String claimId);

    /** Deletes a request and its thread. */
    void deleteRequest(String siteId, String requestId);
}
