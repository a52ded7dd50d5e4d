package community.doorstep.help;

import community.doorstep.ConflictException;
import community.doorstep.ForbiddenException;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import community.doorstep.access.AccessService;
import community.doorstep.access.Capability;
import community.doorstep.access.Grant;
import community.doorstep.access.ModerationState;
import community.doorstep.access.Moderated;
import community.doorstep.access.Pending;
import community.doorstep.internal.Ids;
import community.doorstep.internal.SiteMessages;
import community.doorstep.internal.Texts;
import community.doorstep.notify.Address;
import community.doorstep.notify.Outbox;
import community.doorstep.schedule.DueTask;
import community.doorstep.schedule.DueWork;
import community.doorstep.site.Site;
import community.doorstep.site.SiteService;
import community.doorstep.store.Stores;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The help board: offers and requests of help, claims that never oversubscribe an offer, matching by residents
 * (peer-to-peer) or by a coordinator's desk (dispatch), messages relayed between the two sides without either seeing
 * the other's address, and personal details purged a set time after they are over, leaving anonymised counts. Get it
 * from {@link community.doorstep.Doorstep#help()}.
 *
 * <p>Offer expiry and claim holds are due work, done at their instant on exactly one node; every change of state is
 * one atomic step of the store, so two people (or two nodes) acting at once never both succeed where one may.
 */
public final class HelpService {
    /** The due task that ends an offer at its expiry; its instance is {@code site/offer}. */
    public static final String EXPIRE = "help-offer-expiry";
    /** The due task that lapses a hold not confirmed in time; its instance is {@code site/claim}. */
    public static final String LAPSE = "help-claim-lapse";
    /** The due task that reminds a claimant before the window opens; its instance is {@code site/claim}. */
    public static final String REMIND = "help-claim-reminder";
    /** How long before the window opens a claimant is reminded. */
    static final Duration REMIND_BEFORE = Duration.ofHours(1);
    /** Over listings and claims are looked at this often to delete personal details kept long enough. */
    static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Set<OfferState> LIVE = EnumSet.of(OfferState.OPEN, OfferState.FULL);
    private static final Set<RequestState> WAITING = EnumSet.of(RequestState.OPEN, RequestState.SUGGESTED);
    private static final Set<RequestState> UNDECIDED = EnumSet.of(RequestState.OPEN, RequestState.SUGGESTED,
            RequestState.TENTATIVE);
    private static final String TEXTS = "community.doorstep.help.notifications";

    private final SiteService sites;
    private final HelpStore store;
    private final Clock clock;
    private final AccessService access;
    private final Stores stores;
    private final Outbox outbox;
    private final DueWork dueWork;

    /** Wired by {@link community.doorstep.Doorstep}; host applications get it from {@link community.doorstep.Doorstep#help()}. */
    public HelpService(SiteService sites, HelpStore store, Clock clock, AccessService access, Stores stores,
                       Outbox outbox, DueWork dueWork) {
        this.sites = sites;
        this.store = store;
        this.clock = clock;
        this.access = access;
        this.stores = stores;
        this.outbox = outbox;
        this.dueWork = dueWork;
        dueWork.register(new DueTask.Once(EXPIRE, instance -> expire(siteOf(instance), idOf(instance))));
        dueWork.register(new DueTask.Once(LAPSE, instance -> lapse(siteOf(instance), idOf(instance))));
        dueWork.register(new DueTask.Once(REMIND, instance -> remind(siteOf(instance), idOf(instance))));
        dueWork.register(new DueTask.Every("help-purge", PURGE_EVERY, this::purgeOver));
    }

    // ---- settings

    /** How the site runs its board; the defaults until a coordinator chose. */
    public HelpSettings settings(String siteId) {
        sites.requireSite(siteId);
        return store.settings(siteId).orElseGet(() -> HelpSettings.defaults(siteId));
    }

    public void saveSettings(HelpSettings settings) {
        sites.requireSite(settings.siteId());
        store.saveSettings(settings);
    }

    // ---- offers

    /**
     * Puts an offer on the board (or in the coordinators' queue, where the site moderates listings), with a manage
     * link for the giver; its expiry is due work from now on.
     */
    public Listed<Offer> postOffer(String siteId, OfferDetails details) {
        Site site = sites.requireSite(siteId);
        HelpSettings settings = settings(siteId);
        Instant now = clock.instant();
        checkCategory(settings, details.category());
        if (!details.expiresAt().isAfter(now)) {
            throw InvalidInputException.of("expiresAt", "future", "expiresAt must be in the future");
        }
        ModerationState moderation = settings.moderateListings() ? ModerationState.PENDING : ModerationState.APPROVED;
        Offer offer = new Offer(siteId, Ids.newId(), details, 0, 0, OfferState.OPEN, moderation, now, null);
        return stores.inTransaction(() -> {
            store.addOffer(offer);
            String token = access.issue(siteId, Capability.OFFER, offer.id());
            dueWork.scheduleWithChange(EXPIRE, instance(siteId, offer.id()), details.expiresAt());
            if (moderation == ModerationState.PENDING) {
                tellCoordinators(site, "offer.pending", details.title());
            }
            return new Listed<>(offer, token);
        });
    }

    /**
     * The open offers residents can claim from now, filtered by category and area when given: those whose window
     * falls today first, then those expiring soonest.
     */
    public List<Offer> board(String siteId, String category, String area) {
        Site site = sites.requireSite(siteId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, site.zone());
        return store.offers(siteId, EnumSet.of(OfferState.OPEN)).stream()
                .filter(offer -> offer.isClaimable(now))
                .filter(offer -> category == null || offer.details().category().equals(category))
                .filter(offer -> area == null || offer.details().area().equalsIgnoreCase(area.strip()))
                .sorted(Comparator.comparing((Offer offer) -> !offer.details().window().fallsOn(today))
                        .thenComparing(offer -> offer.details().expiresAt()).thenComparing(Offer::id))
                .toList();
    }

    /** One offer as anyone may see it: approved and not withdrawn; else a {@link NotFoundException}. */
    public Offer offer(String siteId, String offerId) {
        sites.requireSite(siteId);
        return store.offer(siteId, offerId)
                .filter(offer -> offer.moderation() == ModerationState.APPROVED && offer.state() != OfferState.WITHDRAWN)
                .orElseThrow(() -> new NotFoundException("there is no offer " + offerId + " on site " + siteId));
    }

    /** The offer behind its giver's manage link. */
    public Offer offerByToken(String siteId, String giverToken) {
        Grant grant = access.require(siteId, Capability.OFFER, giverToken);
        return store.offer(siteId, grant.subjectId()).orElseThrow(() -> new NotFoundException("this offer has been removed"));
    }

    /** The claims on the offer behind a giver's manage link, oldest first. */
    public List<Claim> claimsOnOffer(String siteId, String giverToken) {
        return store.claims(siteId, offerByToken(siteId, giverToken).id());
    }

    /** Takes the offer off the board for good; held claims lapse, confirmed ones stay to be handed over. */
    public Offer withdrawOffer(String siteId, String giverToken) {
        return endOffer(offerByToken(siteId, giverToken), OfferState.WITHDRAWN);
    }

    /** Closes the offer to new claims (all is given out, or the giver stops early). */
    public Offer closeOffer(String siteId, String giverToken) {
        return endOffer(offerByToken(siteId, giverToken), OfferState.CLOSED);
    }

    private Offer endOffer(Offer offer, OfferState end) {
        Instant now = clock.instant();
        stores.inTransaction(() -> {
            if (store.updateOffer(offer.withState(end, now), LIVE)) {
                lapseHolds(offer);
            }
            return null;
        });
        return store.offer(offer.siteId(), offer.id()).orElseThrow();
    }

    private void lapseHolds(Offer offer) {
        Instant now = clock.instant();
        store.claims(offer.siteId(), offer.id()).stream().filter(claim -> claim.state() == ClaimState.HELD)
                .forEach(claim -> store.moveClaim(claim, ClaimState.LAPSED, now));
    }

    /** The body of the expiry task: an offer still open or full expires, and its holds lapse. */
    void expire(String siteId, String offerId) {
        store.offer(siteId, offerId).filter(offer -> LIVE.contains(offer.state()))
                .ifPresent(offer -> endOffer(offer, OfferState.EXPIRED));
    }

    // ---- claims

    /**
     * Holds part of an offer for a resident, atomically: when fewer units remain than asked for, a
     * {@link ConflictException} says how many are left and nothing is taken. The giver is told; a hold not confirmed
     * within the site's hold time lapses and its units go back.
     */
    public Listed<Claim> claim(String siteId, String offerId, ClaimDetails details) {
        Site site = sites.requireSite(siteId);
        Offer offer = offer(siteId, offerId);
        Instant now = clock.instant();
        int holdMinutes = settings(siteId).holdMinutes();
        Instant heldUntil = now.plus(Duration.ofMinutes(holdMinutes));
        Claim claim = new Claim(siteId, Ids.newId(), offerId, details, ClaimState.HELD, heldUntil, now, null, null, null);
        return stores.inTransaction(() -> {
            if (!store.hold(claim, now)) {
                throw noneLeft(siteId, offerId, details.quantity());
            }
            String token = access.issue(siteId, Capability.CLAIM, claim.id());
            dueWork.scheduleWithChange(LAPSE, instance(siteId, claim.id()), heldUntil);
            notify(site, offer.details().contact(), "claim.held", Map.of("name", details.name(),
                    "quantity", details.quantity(), "title", offer.details().title(),
                    "minutes", holdMinutes), Map.of("offerId", offerId, "claimId", claim.id()));
            return new Listed<>(claim, token);
        });
    }

    private ConflictException noneLeft(String siteId, String offerId, int asked) {
        Offer now = store.offer(siteId, offerId).orElseThrow();
        if (!now.isClaimable(clock.instant())) {
            return new ConflictException(now.state() == OfferState.FULL ? "none left: every unit of this offer is taken"
                    : "this offer is no longer open");
        }
        return new ConflictException("not enough left: " + now.remaining() + " remain, " + asked + " were asked for");
    }

    /** The claim behind its claimant's manage link. */
    public Claim claimByToken(String siteId, String claimToken) {
        Grant grant = access.require(siteId, Capability.CLAIM, claimToken);
        return store.claim(siteId, grant.subjectId()).orElseThrow(() -> new NotFoundException("this claim has been removed"));
    }

    /** The offer a claimant's link claimed from, whatever state it is in now. */
    public Offer offerOfClaim(String siteId, String claimToken) {
        Claim claim = claimByToken(siteId, claimToken);
        return store.offer(siteId, claim.offerId()).orElseThrow(() -> new NotFoundException("this offer has been removed"));
    }

    /** The giver confirms a held claim; the claimant is told. */
    public Claim confirmClaim(String siteId, String giverToken, String claimId) {
        Offer offer = offerByToken(siteId, giverToken);
        Claim claim = claimOn(offer, claimId);
        Claim confirmed = move(claim, EnumSet.of(ClaimState.HELD), ClaimState.CONFIRMED, () -> {
            notify(sites.requireSite(siteId), claim.details().contact(), "claim.confirmed",
                    Map.of("giver", offer.details().giverName(), "quantity", claim.details().quantity(),
                            "title", offer.details().title()), Map.of("claimId", claimId));
            scheduleReminder(offer, claim);
        });
        stores.afterCommit(() -> dueWork.cancel(LAPSE, instance(siteId, claimId)));
        return confirmed;
    }

    /** The giver marks a claim handed over; it counts for the funders' figures. */
    public Claim markCollected(String siteId, String giverToken, String claimId) {
        return fulfil(claimOn(offerByToken(siteId, giverToken), claimId));
    }

    /** The giver records that nobody came; the units go back to the offer. */
    public Claim recordNoShow(String siteId, String giverToken, String claimId) {
        return noShow(claimOn(offerByToken(siteId, giverToken), claimId));
    }

    /** A coordinator records that nobody came for a claim; the units go back to the offer. */
    public Claim recordNoShowAsCoordinator(String siteId, String claimId) {
        sites.requireSite(siteId);
        return noShow(store.claim(siteId, claimId).orElseThrow(() -> new NotFoundException("there is no claim " + claimId)));
    }

    /** The claimant no longer needs it; the units go back to the offer. */
    public Claim cancelClaim(String siteId, String claimToken) {
        Claim claim = claimByToken(siteId, claimToken);
        return move(claim, EnumSet.of(ClaimState.HELD, ClaimState.CONFIRMED), ClaimState.CANCELLED, () -> { });
    }

    private Claim noShow(Claim claim) {
        return move(claim, EnumSet.of(ClaimState.HELD, ClaimState.CONFIRMED), ClaimState.NO_SHOW, () ->
                matchedRequest(claim).ifPresent(request -> store.updateRequest(request.moved(RequestState.NO_SHOW,
                        request.offerId(), request.claimId(), request.helper(), clock.instant()),
                        EnumSet.of(RequestState.CONFIRMED))));
    }

    private Claim fulfil(Claim claim) {
        return move(claim, EnumSet.of(ClaimState.CONFIRMED), ClaimState.FULFILLED, () -> {
            Offer offer = store.offer(claim.siteId(), claim.offerId()).orElseThrow();
            Optional<HelpRequest> request = matchedRequest(claim);
            request.ifPresent(r -> store.updateRequest(r.moved(RequestState.COMPLETED, r.offerId(), r.claimId(),
                    r.helper(), clock.instant()), EnumSet.of(RequestState.CONFIRMED)));
            count(claim.siteId(), offer.details().area(), offer.details().category(), claim.details().quantity(),
                    request.isPresent() ? 1 : 0);
        });
    }

    /**
     * Moves a claim that is in one of the states {@code from}, with whatever follows from it, in one transaction; a
     * claim in another state (or moved meanwhile by someone else) is a {@link ConflictException}.
     */
    private Claim move(Claim claim, Set<ClaimState> from, ClaimState to, Runnable then) {
        Instant now = clock.instant();
        return stores.inTransaction(() -> {
            if (!from.contains(claim.state()) || !store.moveClaim(claim, to, to.isOver() ? now : null)) {
                throw new ConflictException("this claim is " + claim.state().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " and cannot become " + to.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            then.run();
            return store.claim(claim.siteId(), claim.id()).orElseThrow();
        });
    }

    /** Reminds a claimant who gave an email address an hour before the window opens, if that is still to come. */
    private void scheduleReminder(Offer offer, Claim claim) {
        if (claim.details().contact() == null || claim.details().contact().address() == null) {
            return;
        }
        ZoneId zone = sites.requireSite(offer.siteId()).zone();
        Instant now = clock.instant();
        offer.details().window().nextStart(LocalDateTime.ofInstant(now, zone))
                .map(opens -> opens.atZone(zone).toInstant().minus(REMIND_BEFORE))
                .filter(at -> at.isAfter(now))
                .ifPresent(at -> dueWork.scheduleWithChange(REMIND, instance(offer.siteId(), claim.id()), at));
    }

    /** The body of the reminder task: a claim still confirmed gets its reminder, with when the window opens. */
    void remind(String siteId, String claimId) {
        store.claim(siteId, claimId).filter(claim -> claim.state() == ClaimState.CONFIRMED).ifPresent(claim -> {
            Site site = sites.requireSite(siteId);
            Offer offer = store.offer(siteId, claim.offerId()).orElseThrow();
            Locale language = Texts.firstOf(site.languages());
            String opens = offer.details().window().nextStart(LocalDateTime.ofInstant(clock.instant(), site.zone()))
                    .map(at -> DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", language).format(at))
                    .orElse("");
            stores.inTransaction(() -> {
                notify(site, claim.details().contact(), "claim.reminder", Map.of("quantity", claim.details().quantity(),
                        "title", offer.details().title(), "when", opens, "area", offer.details().area()),
                        Map.of("claimId", claimId));
                return null;
            });
        });
    }

    /** The body of the hold task: a claim still held when its time is up lapses, and its units go back. */
    void lapse(String siteId, String claimId) {
        store.claim(siteId, claimId).filter(claim -> claim.state() == ClaimState.HELD
                        && !claim.heldUntil().isAfter(clock.instant()))
                .ifPresent(claim -> store.moveClaim(claim, ClaimState.LAPSED, clock.instant()));
    }

    private Claim claimOn(Offer offer, String claimId) {
        return store.claim(offer.siteId(), claimId).filter(claim -> claim.offerId().equals(offer.id()))
                .orElseThrow(() -> new NotFoundException("this offer has no claim " + claimId));
    }

    private Optional<HelpRequest> matchedRequest(Claim claim) {
        return store.requests(claim.siteId(), EnumSet.of(RequestState.CONFIRMED)).stream()
                .filter(request -> claim.id().equals(request.claimId())).findFirst();
    }

    // ---- requests

    /** Puts a request on the board (or the coordinators' queue, or only the desk in dispatch mode), with a manage link. */
    public Listed<HelpRequest> postRequest(String siteId, RequestDetails details) {
        Site site = sites.requireSite(siteId);
        HelpSettings settings = settings(siteId);
        checkCategory(settings, details.category());
        if (details.neededBy().isBefore(LocalDate.ofInstant(clock.instant(), site.zone()))) {
            throw InvalidInputException.of("neededBy", "past", "neededBy must be today or later");
        }
        ModerationState moderation = settings.moderateListings() ? ModerationState.PENDING : ModerationState.APPROVED;
        HelpRequest request = new HelpRequest(siteId, Ids.newId(), details, RequestState.OPEN, null, null, null, null,
                null, moderation, clock.instant(), null);
        return stores.inTransaction(() -> {
            store.addRequest(request);
            String token = access.issue(siteId, Capability.HELP_REQUEST, request.id());
            if (moderation == ModerationState.PENDING) {
                tellCoordinators(site, "request.pending", details.need());
            }
            return new Listed<>(request, token);
        });
    }

    /**
     * The requests residents see on a peer-to-peer board: approved, still waiting for help, not past their day. A
     * dispatch board shows none: its requests wait on the coordinator's desk.
     */
    public List<HelpRequest> openRequests(String siteId, String category, String area) {
        Site site = sites.requireSite(siteId);
        if (settings(siteId).mode() == HelpMode.DISPATCH) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), site.zone());
        return waiting(siteId, today).stream()
                .filter(request -> category == null || request.details().category().equals(category))
                .filter(request -> area == null || request.details().area().equalsIgnoreCase(area.strip()))
                .toList();
    }

    private List<HelpRequest> waiting(String siteId, LocalDate today) {
        return store.requests(siteId, WAITING).stream()
                .filter(request -> request.moderation() == ModerationState.APPROVED
                        && !request.details().neededBy().isBefore(today))
                .sorted(Comparator.comparing((HelpRequest request) -> request.details().urgency()).reversed()
                        .thenComparing(request -> request.details().neededBy()).thenComparing(HelpRequest::createdAt))
                .toList();
    }

    /** One request as anyone may see it on a peer-to-peer board. */
    public HelpRequest request(String siteId, String requestId) {
        return store.request(siteId, requestId)
                .filter(request -> request.moderation() == ModerationState.APPROVED
                        && settings(siteId).mode() == HelpMode.PEER_TO_PEER)
                .orElseThrow(() -> new NotFoundException("there is no request " + requestId + " on site " + siteId));
    }

    /** The request behind its requester's manage link. */
    public HelpRequest requestByToken(String siteId, String requesterToken) {
        Grant grant = access.require(siteId, Capability.HELP_REQUEST, requesterToken);
        return store.request(siteId, grant.subjectId()).orElseThrow(() -> new NotFoundException("this request has been removed"));
    }

    /** The request behind its helper's manage link. */
    public HelpRequest requestByHelperToken(String siteId, String helperToken) {
        Grant grant = access.require(siteId, Capability.HELPER, helperToken);
        return store.request(siteId, grant.subjectId()).orElseThrow(() -> new NotFoundException("this request has been removed"));
    }

    /**
     * A resident answers a request on a peer-to-peer board ("I can do that"): it becomes tentative, the requester is
     * told, and the helper gets a manage link. Only one helper at a time: a second is a {@link ConflictException}.
     */
    public Listed<HelpRequest> answer(String siteId, String requestId, Helper helper, String message) {
        HelpRequest request = request(siteId, requestId);
        Site site = sites.requireSite(siteId);
        Instant now = clock.instant();
        return stores.inTransaction(() -> {
            HelpRequest answered = request.moved(RequestState.TENTATIVE, null, null, helper, null);
            if (!store.updateRequest(answered, WAITING)) {
                throw new ConflictException("someone has already answered this request");
            }
            String token = access.issue(siteId, Capability.HELPER, requestId);
            if (message != null && !message.isBlank()) {
                store.addPost(new ThreadPost(siteId, requestId, Ids.newId(), Side.GIVER, message, now));
            }
            notify(site, request.details().contact(), "request.answered",
                    Map.of("helper", helper.name(), "title", request.details().need()), Map.of("requestId", requestId));
            return new Listed<>(answered, token);
        });
    }

    /** The requester accepts the helper who answered: the match is confirmed. */
    public HelpRequest acceptHelper(String siteId, String requesterToken) {
        HelpRequest request = requestByToken(siteId, requesterToken);
        return moveRequest(request, EnumSet.of(RequestState.TENTATIVE),
                request.moved(RequestState.CONFIRMED, request.offerId(), request.claimId(), request.helper(), null));
    }

    /** The requester turns the helper down: the request waits again, and the helper's link stops working. */
    public HelpRequest declineHelper(String siteId, String requesterToken) {
        HelpRequest request = requestByToken(siteId, requesterToken);
        HelpRequest open = moveRequest(request, EnumSet.of(RequestState.TENTATIVE),
                request.moved(RequestState.OPEN, null, null, null, null).withShares(Side.GIVER, null));
        access.revoke(siteId, Capability.HELPER, request.id());
        return open;
    }

    /** The requester or the helper says it is done; it counts for the funders' figures. */
    public HelpRequest completeRequest(String siteId, String token) {
        HelpRequest request = requestOfEitherSide(siteId, token);
        HelpRequest done = stores.inTransaction(() -> {
            HelpRequest completed = moveRequest(request, EnumSet.of(RequestState.CONFIRMED),
                    request.moved(RequestState.COMPLETED, request.offerId(), request.claimId(), request.helper(),
                            clock.instant()));
            count(siteId, request.details().area(), request.details().category(), 0, 1);
            return completed;
        });
        return done;
    }

    /** The helper records that the requester was not there. */
    public HelpRequest recordRequestNoShow(String siteId, String helperToken) {
        HelpRequest request = requestByHelperToken(siteId, helperToken);
        return moveRequest(request, EnumSet.of(RequestState.CONFIRMED),
                request.moved(RequestState.NO_SHOW, request.offerId(), request.claimId(), request.helper(), clock.instant()));
    }

    /** The requester no longer needs help; a claim a coordinator made for them is cancelled too. */
    public HelpRequest cancelRequest(String siteId, String requesterToken) {
        HelpRequest request = requestByToken(siteId, requesterToken);
        return stores.inTransaction(() -> {
            HelpRequest cancelled = moveRequest(request, EnumSet.complementOf(EnumSet.of(RequestState.COMPLETED,
                            RequestState.CANCELLED, RequestState.NO_SHOW)),
                    request.moved(RequestState.CANCELLED, request.offerId(), request.claimId(), request.helper(),
                            clock.instant()));
            if (request.claimId() != null) {
                store.claim(siteId, request.claimId()).filter(claim -> !claim.state().isOver())
                        .ifPresent(claim -> store.moveClaim(claim, ClaimState.CANCELLED, clock.instant()));
            }
            return cancelled;
        });
    }

    private HelpRequest requestOfEitherSide(String siteId, String token) {
        Optional<Grant> grant = access.find(siteId, Capability.HELP_REQUEST, token)
                .or(() -> access.find(siteId, Capability.HELPER, token));
        return grant.flatMap(g -> store.request(siteId, g.subjectId()))
                .orElseThrow(() -> new ForbiddenException("this link is not valid (it may have been withdrawn)"));
    }

    private HelpRequest moveRequest(HelpRequest request, Set<RequestState> from, HelpRequest to) {
        if (!store.updateRequest(to, from)) {
            throw new ConflictException("this request is " + request.state().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " and cannot become " + to.state().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return store.request(request.siteId(), request.id()).orElseThrow();
    }

    // ---- the coordinator's desk

    /**
     * The requests waiting for a coordinator, most urgent first, each with the offers that could meet it: of its
     * category, claimable now, with units left, whose window falls between today and the day it is needed by, and
     * whose food has every dietary fact it asks for; those in its area first, then those expiring soonest.
     */
    public List<Desk> desk(String siteId) {
        Site site = sites.requireSite(siteId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), site.zone());
        List<Offer> open = board(siteId, null, null);
        return waiting(siteId, today).stream().map(request -> new Desk(request, open.stream()
                        .filter(offer -> fits(offer, request, today))
                        .sorted(Comparator.comparing((Offer offer) -> !offer.details().area()
                                        .equalsIgnoreCase(request.details().area()))
                                .thenComparing(offer -> offer.details().expiresAt()))
                        .toList()))
                .toList();
    }

    private static boolean fits(Offer offer, HelpRequest request, LocalDate today) {
        return offer.details().category().equals(request.details().category())
                && offer.details().dietary().containsAll(request.details().dietary())
                && offer.details().window().fallsBetween(today, request.details().neededBy());
    }

    /** Requests a coordinator matched that wait to be handed over: where the desk records a no-show. */
    public List<HelpRequest> confirmedMatches(String siteId) {
        sites.requireSite(siteId);
        return store.requests(siteId, EnumSet.of(RequestState.CONFIRMED)).stream()
                .filter(request -> request.claimId() != null).toList();
    }

    /** A coordinator puts an offer to the requester before confirming it; the requester is told. */
    public HelpRequest suggest(String siteId, String requestId, String offerId) {
        HelpRequest request = deskRequest(siteId, requestId);
        Offer offer = offer(siteId, offerId);
        return stores.inTransaction(() -> {
            HelpRequest suggested = moveRequest(request, WAITING,
                    request.moved(RequestState.SUGGESTED, offerId, null, null, null));
            notify(sites.requireSite(siteId), request.details().contact(), "request.suggested",
                    Map.of("title", request.details().need(), "offer", offer.details().title()), Map.of("requestId", requestId));
            return suggested;
        });
    }

    /**
     * The desk's one-click confirm: one unit of the offer is taken for the requester (as a confirmed claim, so it is
     * on the giver's list) and the request is confirmed, together or not at all.
     */
    public HelpRequest confirmMatch(String siteId, String requestId, String offerId) {
        HelpRequest request = deskRequest(siteId, requestId);
        Offer offer = offer(siteId, offerId);
        Site site = sites.requireSite(siteId);
        Instant now = clock.instant();
        RequestDetails wants = request.details();
        Claim claim = new Claim(siteId, Ids.newId(), offerId, new ClaimDetails(1, wants.name(), wants.contact()),
                ClaimState.CONFIRMED, now, now, null, null, null);
        if (!UNDECIDED.contains(request.state())) {
            throw new ConflictException("this request is " + request.state().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " and cannot be matched");
        }
        return stores.inTransaction(() -> {
            if (!store.hold(claim, now)) {
                throw noneLeft(siteId, offerId, 1);
            }
            HelpRequest matched;
            try {
                matched = moveRequest(request, UNDECIDED,
                        request.moved(RequestState.CONFIRMED, offerId, claim.id(), null, null));
            } catch (ConflictException raced) {
                // a database rolls the unit back with the transaction; memory has no transaction, so give it back
                store.moveClaim(claim, ClaimState.CANCELLED, now);
                throw raced;
            }
            notify(site, wants.contact(), "request.matched", Map.of("title", wants.need(), "offer",
                    offer.details().title()), Map.of("requestId", requestId));
            notify(site, offer.details().contact(), "claim.confirmed", Map.of("giver", offer.details().giverName(),
                    "quantity", 1, "title", offer.details().title()), Map.of("claimId", claim.id()));
            scheduleReminder(offer, claim);
            return matched;
        });
    }

    private HelpRequest deskRequest(String siteId, String requestId) {
        sites.requireSite(siteId);
        return store.request(siteId, requestId)
                .orElseThrow(() -> new NotFoundException("there is no request " + requestId + " on site " + siteId));
    }

    /** The site's anonymised counts, by week, area and category. */
    public List<HelpCount> counts(String siteId) {
        sites.requireSite(siteId);
        return store.counts(siteId);
    }

    /** The counts as CSV for funders: a header line, then one line per week, area and category. */
    public String countsCsv(String siteId) {
        StringBuilder csv = new StringBuilder("week,area,category,units_given,requests_completed\r\n");
        for (HelpCount count : counts(siteId)) {
            csv.append(count.week()).append(',').append(csvField(count.area())).append(',')
                    .append(csvField(count.category())).append(',').append(count.unitsGiven()).append(',')
                    .append(count.requestsCompleted()).append("\r\n");
        }
        return csv.toString();
    }

    /** RFC 4180 quoting, and a leading quote mark where a spreadsheet would take the text for a formula. */
    private static String csvField(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("[^\",\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private void count(String siteId, String area, String category, int units, int requests) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), sites.requireSite(siteId).zone());
        store.addCount(new HelpCount(siteId, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), area,
                category, units, requests));
    }

    // ---- threads between the two sides

    /**
     * The conversation a manage link takes part in: a claimant's or requester's link names its own thread; a giver's
     * names the offer, so {@code claimId} says which claimant's thread.
     */
    public HelpThread thread(String siteId, String token, String claimId) {
        Conversation conversation = conversation(siteId, token, claimId);
        return conversation.view(store.posts(siteId, conversation.threadId));
    }

    /** Writes in the conversation; the other side is told by the outbox, and sees nothing of the writer's address. */
    public ThreadPost write(String siteId, String token, String claimId, String text) {
        Conversation conversation = conversation(siteId, token, claimId);
        ThreadPost post = new ThreadPost(siteId, conversation.threadId, Ids.newId(), conversation.me, text, clock.instant());
        Site site = sites.requireSite(siteId);
        stores.inTransaction(() -> {
            store.addPost(post);
            notify(site, conversation.theirContact, "post", Map.of("title", conversation.about, "text", post.text()),
                    Map.of("threadId", conversation.threadId));
            return null;
        });
        return post;
    }

    /**
     * Records what of its contact one side agrees to share; once both sides have agreed, each sees the other's chosen
     * parts. An empty set takes back an agreement.
     */
    public HelpThread share(String siteId, String token, String claimId, Set<Contact.Part> parts) {
        Conversation conversation = conversation(siteId, token, claimId);
        conversation.share.accept(parts.isEmpty() ? null : EnumSet.copyOf(parts));
        return thread(siteId, token, claimId);
    }

    private Conversation conversation(String siteId, String token, String claimId) {
        Optional<Grant> giver = access.find(siteId, Capability.OFFER, token);
        if (giver.isPresent()) {
            Offer offer = store.offer(siteId, giver.get().subjectId()).orElseThrow(() -> new NotFoundException("removed"));
            Claim claim = claimOn(offer, claimId);
            return new Conversation(claim.id(), Side.GIVER, offer.details().title(), claim.details().name(),
                    claim.giverShares(), claim.claimantShares(), claim.details().contact(),
                    parts -> store.updateShares(claim.withShares(Side.GIVER, parts)));
        }
        Optional<Grant> claimant = access.find(siteId, Capability.CLAIM, token);
        if (claimant.isPresent()) {
            return claimantSide(store.claim(siteId, claimant.get().subjectId())
                    .orElseThrow(() -> new NotFoundException("removed")));
        }
        Optional<Grant> requester = access.find(siteId, Capability.HELP_REQUEST, token);
        if (requester.isPresent()) {
            HelpRequest request = store.request(siteId, requester.get().subjectId())
                    .orElseThrow(() -> new NotFoundException("removed"));
            if (request.claimId() != null) {
                // matched at the desk: the requester is the claimant of the claim made for them
                return claimantSide(store.claim(siteId, request.claimId()).orElseThrow(() -> new NotFoundException("removed")));
            }
            Helper helper = request.helper();
            return new Conversation(request.id(), Side.RECEIVER, request.details().need(),
                    helper == null ? null : helper.name(), request.requesterShares(), request.helperShares(),
                    helper == null ? null : helper.contact(),
                    parts -> store.updateRequest(request.withShares(Side.RECEIVER, parts), EnumSet.of(request.state())));
        }
        Grant helper = access.require(siteId, Capability.HELPER, token);
        HelpRequest request = store.request(siteId, helper.subjectId()).orElseThrow(() -> new NotFoundException("removed"));
        return new Conversation(request.id(), Side.GIVER, request.details().need(), request.details().name(),
                request.helperShares(), request.requesterShares(), request.details().contact(),
                parts -> store.updateRequest(request.withShares(Side.GIVER, parts), EnumSet.of(request.state())));
    }

    private Conversation claimantSide(Claim claim) {
        Offer offer = store.offer(claim.siteId(), claim.offerId()).orElseThrow(() -> new NotFoundException("removed"));
        return new Conversation(claim.id(), Side.RECEIVER, offer.details().title(), offer.details().giverName(),
                claim.claimantShares(), claim.giverShares(), offer.details().contact(),
                parts -> store.updateShares(claim.withShares(Side.RECEIVER, parts)));
    }

    /** One side of a thread, as its manage link sees it. */
    private record Conversation(String threadId, Side me, String about, String otherName, Set<Contact.Part> myShares,
                                Set<Contact.Part> theirShares, Contact theirContact,
                                Consumer<Set<Contact.Part>> share) {
        HelpThread view(List<ThreadPost> posts) {
            Contact released = myShares != null && theirShares != null && theirContact != null
                    ? theirContact.only(theirShares) : null;
            return new HelpThread(threadId, me, about, otherName, posts, myShares, theirShares, released);
        }
    }

    // ---- moderation

    /** The site's offers waiting for a coordinator, in the moderation queue. */
    public Moderated offerModeration() {
        return new Moderated() {
            @Override
            public String kind() {
                return "offer";
            }

            @Override
            public List<Pending> pending(String siteId) {
                return store.offers(siteId, LIVE).stream().filter(o -> o.moderation() == ModerationState.PENDING)
                        .map(o -> new Pending(siteId, kind(), o.id(), o.details().title(), o.details().expiresAt())).toList();
            }

            @Override
            public void decide(String siteId, String offerId, ModerationState decision) {
                Offer offer = store.offer(siteId, offerId)
                        .orElseThrow(() -> new NotFoundException("there is no offer " + offerId + " on site " + siteId));
                Offer decided = decision == ModerationState.REJECTED
                        ? offer.withModeration(decision).withState(OfferState.WITHDRAWN, clock.instant())
                        : offer.withModeration(decision);
                store.updateOffer(decided, EnumSet.of(offer.state()));
            }
        };
    }

    /** The site's requests waiting for a coordinator, in the moderation queue. */
    public Moderated requestModeration() {
        return new Moderated() {
            @Override
            public String kind() {
                return "request";
            }

            @Override
            public List<Pending> pending(String siteId) {
                Site site = sites.requireSite(siteId);
                return store.requests(siteId, WAITING).stream().filter(r -> r.moderation() == ModerationState.PENDING)
                        .map(r -> new Pending(siteId, kind(), r.id(), r.details().need(),
                                r.details().neededBy().atStartOfDay(site.zone()).toInstant())).toList();
            }

            @Override
            public void decide(String siteId, String requestId, ModerationState decision) {
                HelpRequest request = deskRequest(siteId, requestId);
                HelpRequest decided = decision == ModerationState.REJECTED
                        ? request.withModeration(decision).moved(RequestState.CANCELLED, null, null, null, clock.instant())
                        : request.withModeration(decision);
                store.updateRequest(decided, EnumSet.of(request.state()));
            }
        };
    }

    // ---- purging

    /**
     * Deletes the personal details of everything over for longer than its site keeps them: offers with their claims
     * and threads, claims that ended on offers still running, requests; their manage links stop working. Counts stay.
     * Due work runs it every hour.
     *
     * @return how many offers, claims and requests were deleted
     */
    public int purgeOver() {
        int purged = 0;
        for (Site site : sites.sites()) {
            String siteId = site.id();
            Instant keptFrom = clock.instant().minus(Duration.ofDays(settings(siteId).retentionDays()));
            for (Offer offer : store.offers(siteId, EnumSet.allOf(OfferState.class))) {
                if (offer.state().isOver() && offer.closedAt() != null && offer.closedAt().isBefore(keptFrom)) {
                    List<Claim> claims = store.claims(siteId, offer.id());
                    stores.inTransaction(() -> {
                        store.deleteOffer(siteId, offer.id());
                        access.revoke(siteId, Capability.OFFER, offer.id());
                        claims.forEach(claim -> access.revoke(siteId, Capability.CLAIM, claim.id()));
                        return null;
                    });
                    purged += 1 + claims.size();
                    continue;
                }
                for (Claim claim : store.claims(siteId, offer.id())) {
                    if (claim.closedAt() != null && claim.closedAt().isBefore(keptFrom)) {
                        stores.inTransaction(() -> {
                            store.deleteClaim(siteId, claim.id());
                            access.revoke(siteId, Capability.CLAIM, claim.id());
                            return null;
                        });
                        purged++;
                    }
                }
            }
            for (HelpRequest request : store.requests(siteId, EnumSet.allOf(RequestState.class))) {
                boolean over = request.state().isOver() && request.closedAt() != null && request.closedAt().isBefore(keptFrom);
                boolean stale = !request.state().isOver() && request.details().neededBy()
                        .plusDays(1).atStartOfDay(site.zone()).toInstant().isBefore(keptFrom);
                if (over || stale) {
                    stores.inTransaction(() -> {
                        store.deleteRequest(siteId, request.id());
                        access.revoke(siteId, Capability.HELP_REQUEST, request.id());
                        access.revoke(siteId, Capability.HELPER, request.id());
                        return null;
                    });
                    purged++;
                }
            }
        }
        return purged;
    }

    // ---- shared

    private static void checkCategory(HelpSettings settings, String category) {
        if (settings.category(category).isEmpty()) {
            throw InvalidInputException.of("category", "unknown", "category must be one of this board's: "
                    + String.join(", ", settings.categories().stream().map(Category::id).toList()));
        }
    }

    /** A message to one side, in the site's first language, if they gave an email address; never the other's contact. */
    private void notify(Site site, Contact to, String kind, Map<String, Object> arguments, Map<String, String> data) {
        Address address = to == null ? null : to.address();
        if (address != null) {
            send(site, address, kind, arguments, data);
        }
    }

    private void tellCoordinators(Site site, String kind, String title) {
        if (site.coordinatorContact() != null) {
            send(site, site.coordinatorContact(), kind, Map.of("site", site.name(), "title", title), Map.of());
        }
    }

    private void send(Site site, Address address, String kind, Map<String, Object> arguments, Map<String, String> data) {
        outbox.enqueue(SiteMessages.of(site, address, "help", TEXTS, kind, arguments, data, clock.instant()));
    }

    private static String instance(String siteId, String id) {
        return siteId + "/" + id;
    }

    private static String siteOf(String instance) {
        return instance.substring(0, instance.indexOf('/'));
    }

    private static String idOf(String instance) {
        return instance.substring(instance.indexOf('/') + 1);
    }
}
