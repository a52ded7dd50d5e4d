package community.doorstep.help;

import community.doorstep.ConflictException;
import community.doorstep.Doorstep;
import community.doorstep.ForbiddenException;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import community.doorstep.access.ModerationState;
import community.doorstep.notify.Address;
import community.doorstep.notify.OutboxEntry;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import community.doorstep.testing.TestDoorstep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the help board must do on every store (memory, H2, PostgreSQL): the same states, the same refusals, and never
 * an oversubscribed offer, whatever the concurrency. Ships in the test-jar, so a third-party store can run it too.
 */
public abstract class HelpBoardContract {
    protected static final String SITE = TestDoorstep.SITE;
    /** A Tuesday morning in Hulme. */
    protected static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    protected static final LocalDate TODAY = LocalDate.of(2026, 3, 3);

    /** Fresh, empty stores for one test. */
    protected abstract Stores openStores();

    /** Releases what {@link #openStores()} opened. */
    protected void closeStores() {
    }

    protected final MutableClock clock = new MutableClock(NOW);
    protected Stores stores;
    protected Doorstep doorstep;
    protected HelpService help;

    @BeforeEach
    void open() {
        stores = openStores();
        doorstep = Doorstep.builder().stores(stores).clock(clock).build();
        doorstep.sites().saveSite(Site.of(SITE, "Hulme Community Partnership")
                .withCoordinatorContact(new Address(Address.Channel.EMAIL, "coordinators@hulme.example", null)));
        help = doorstep.help();
    }

    @AfterEach
    void close() {
        doorstep.close();
        closeStores();
    }

    /** Thursday hot meals: 12 portions, halal and vegetarian, expiring on Thursday evening. */
    protected static OfferDetails meals(int quantity) {
        return new OfferDetails("Hot meals", "Curry and rice", "meals", "Hulme", quantity,
                HelpWindow.weekly(DayOfWeek.THURSDAY, LocalTime.of(17, 0), LocalTime.of(18, 30)),
                Instant.parse("2026-03-05T19:00:00Z"), EnumSet.of(Dietary.HALAL, Dietary.VEGETARIAN), null,
                Handover.COLLECTION, "Taphouse kitchen", new Contact("kitchen@taphouse.example", "0161 496 0000"));
    }

    protected static ClaimDetails claimOf(int quantity, String name) {
        return new ClaimDetails(quantity, name, new Contact(name.toLowerCase() + "@residents.example", null));
    }

    protected static RequestDetails request(String need, String category, Set<Dietary> dietary) {
        return new RequestDetails(need, null, category, "Hulme", TODAY.plusDays(3), Urgency.SOON, false, dietary,
                "Amira", new Contact("amira@residents.example", "07700 900123"));
    }

    @Test
    void aClaimHoldsUnitsUntilConfirmedAndCollectedAndCountsWhatWasGiven() {
        Listed<Offer> offer = help.postOffer(SITE, meals(12));
        assertThat(help.board(SITE, null, null)).extracting(Offer::id).containsExactly(offer.item().id());

        Listed<Claim> claim = help.claim(SITE, offer.item().id(), claimOf(2, "Sam"));
        assertThat(claim.item().state()).isEqualTo(ClaimState.HELD);
        Offer held = help.offer(SITE, offer.item().id());
        assertThat(held.held()).isEqualTo(2);
        assertThat(held.remaining()).isEqualTo(10);

        Claim confirmed = help.confirmClaim(SITE, offer.manageToken(), claim.item().id());
        assertThat(confirmed.state()).isEqualTo(ClaimState.CONFIRMED);
        assertThat(help.offer(SITE, offer.item().id())).extracting(Offer::held, Offer::confirmed, Offer::remaining)
                .containsExactly(0, 2, 10);

        assertThat(help.markCollected(SITE, offer.manageToken(), claim.item().id()).state()).isEqualTo(ClaimState.FULFILLED);
        assertThat(help.offer(SITE, offer.item().id()).remaining()).isEqualTo(10);
        assertThat(help.counts(SITE)).containsExactly(new HelpCount(SITE, LocalDate.of(2026, 3, 2), "Hulme", "meals", 2, 0));
        assertThat(help.countsCsv(SITE)).isEqualTo(
                "week,area,category,units_given,requests_completed\r\n2026-03-02,Hulme,meals,2,0\r\n");
        // a claim moves once: collecting it twice is refused and counts nothing more
        assertThatThrownBy(() -> help.markCollected(SITE, offer.manageToken(), claim.item().id()))
                .isInstanceOf(ConflictException.class);
        assertThat(help.counts(SITE)).extracting(HelpCount::unitsGiven).containsExactly(2);
    }

    @Test
    void twoHundredConcurrentClaimsOfOneAgainstTenLeaveExactlyTenAndTellTheRestNoneAreLeft() throws Exception {
        Offer offer = help.postOffer(SITE, meals(10)).item();
        List<Object> outcomes = claimConcurrently(List.of(help), offer.id(), 200);
        assertThat(outcomes.stream().filter(Claim.class::isInstance)).hasSize(10);
        assertThat(outcomes.stream().filter(o -> !(o instanceof Claim)))
                .hasSize(190)
                .allSatisfy(o -> assertThat(o).isInstanceOf(ConflictException.class)
                        .extracting(e -> ((Exception) e).getMessage()).asString().contains("none left"));
        Offer after = help.offer(SITE, offer.id());
        assertThat(after.held()).isEqualTo(10);
        assertThat(after.remaining()).isZero();
        assertThat(after.state()).isEqualTo(OfferState.FULL);
        assertThat(help.board(SITE, null, null)).isEmpty();
    }

    /** Claims one unit each from {@code claimants} threads at once, spread over the services; each outcome in order. */
    protected static List<Object> claimConcurrently(List<HelpService> nodes, String offerId, int claimants) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                HelpService node = nodes.get(i % nodes.size());
                String name = "Resident" + i;
                Callable<Object> claim = () -> {
                    start.await();
                    try {
                        return node.claim(SITE, offerId, claimOf(1, name)).item();
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(claim));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void askingForMoreThanRemainsTakesNothingAndSaysHowManyAreLeft() {
        Offer offer = help.postOffer(SITE, meals(3)).item();
        help.claim(SITE, offer.id(), claimOf(2, "Sam"));
        assertThatThrownBy(() -> help.claim(SITE, offer.id(), claimOf(2, "Jo")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("1 remain");
        assertThat(help.offer(SITE, offer.id()).remaining()).isEqualTo(1);
        assertThat(help.claim(SITE, offer.id(), claimOf(1, "Jo")).item().state()).isEqualTo(ClaimState.HELD);
        assertThat(help.offer(SITE, offer.id()).state()).isEqualTo(OfferState.FULL);
    }

    @Test
    void aHoldNotConfirmedInTimeLapsesOnTheSecondAndItsUnitsGoBack() {
        Listed<Offer> offer = help.postOffer(SITE, meals(2));
        Claim lapsing = help.claim(SITE, offer.item().id(), claimOf(1, "Sam")).item();
        Claim kept = help.claim(SITE, offer.item().id(), claimOf(1, "Jo")).item();
        assertThat(help.offer(SITE, offer.item().id()).state()).isEqualTo(OfferState.FULL);
        help.confirmClaim(SITE, offer.manageToken(), kept.id());

        clock.advance(Duration.ofMinutes(HelpSettings.DEFAULT_HOLD_MINUTES).minusSeconds(1));
        doorstep.runDueWork();
        assertThat(stateOf(lapsing)).isEqualTo(ClaimState.HELD);

        clock.advance(Duration.ofSeconds(1));
        doorstep.runDueWork();
        doorstep.runDueWork();
        assertThat(stateOf(lapsing)).isEqualTo(ClaimState.LAPSED);
        assertThat(stateOf(kept)).isEqualTo(ClaimState.CONFIRMED);
        Offer after = help.offer(SITE, offer.item().id());
        assertThat(after).extracting(Offer::held, Offer::confirmed, Offer::state).containsExactly(0, 1, OfferState.OPEN);
        // a lapsed hold cannot be confirmed afterwards
        assertThatThrownBy(() -> help.confirmClaim(SITE, offer.manageToken(), lapsing.id()))
                .isInstanceOf(ConflictException.class);
    }

    private ClaimState stateOf(Claim claim) {
        return HelpStore.of(stores).claim(SITE, claim.id()).orElseThrow().state();
    }

    @Test
    void aConfirmedClaimantIsRemindedAnHourBeforeTheWindowOpensAndACancelledOneIsNot() {
        Listed<Offer> offer = help.postOffer(SITE, meals(12));
        Listed<Claim> kept = help.claim(SITE, offer.item().id(), claimOf(2, "Sam"));
        Listed<Claim> dropped = help.claim(SITE, offer.item().id(), claimOf(1, "Jo"));
        help.confirmClaim(SITE, offer.manageToken(), kept.item().id());
        help.confirmClaim(SITE, offer.manageToken(), dropped.item().id());
        help.cancelClaim(SITE, dropped.manageToken());

        // the window opens on Thursday 5 March at 17:00 in London (GMT): the reminder is due at 16:00
        clock.set(Instant.parse("2026-03-05T15:59:59Z"));
        doorstep.runDueWork();
        assertThat(reminders()).isEmpty();
        clock.set(Instant.parse("2026-03-05T16:00:00Z"));
        doorstep.runDueWork();
        doorstep.runDueWork();
        assertThat(reminders()).singleElement().satisfies(message -> {
            assertThat(message.message().to().target()).isEqualTo("sam@residents.example");
            assertThat(message.message().text()).contains("2 of “Hot meals”", "Thursday 5 March, 17:00", "Hulme")
                    .doesNotContain("kitchen@taphouse.example", "0161 496 0000");
        });
    }

    private List<OutboxEntry> reminders() {
        return doorstep.outbox().recent(SITE, 50).stream()
                .filter(entry -> entry.message().type().equals("help.claim-reminder")).toList();
    }

    @Test
    void anOfferExpiresAtItsExpiryAndIsThenRefusedToClaimants() {
        Listed<Offer> offer = help.postOffer(SITE, meals(5));
        Claim held = help.claim(SITE, offer.item().id(), claimOf(1, "Sam")).item();
        clock.set(offer.item().details().expiresAt());
        doorstep.runDueWork();
        assertThat(help.offerByToken(SITE, offer.manageToken()).state()).isEqualTo(OfferState.EXPIRED);
        assertThat(stateOf(held)).isEqualTo(ClaimState.LAPSED);
        assertThat(help.board(SITE, null, null)).isEmpty();
        assertThatThrownBy(() -> help.claim(SITE, offer.item().id(), claimOf(1, "Jo")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no longer open");
    }

    @Test
    void onlyTheGiverOrACoordinatorRecordsANoShowAndItsUnitsGoBack() {
        Listed<Offer> offer = help.postOffer(SITE, meals(1));
        Listed<Claim> claim = help.claim(SITE, offer.item().id(), claimOf(1, "Sam"));
        help.confirmClaim(SITE, offer.manageToken(), claim.item().id());
        assertThatThrownBy(() -> help.recordNoShow(SITE, claim.manageToken(), claim.item().id()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(help.recordNoShow(SITE, offer.manageToken(), claim.item().id()).state()).isEqualTo(ClaimState.NO_SHOW);
        assertThat(help.offer(SITE, offer.item().id())).extracting(Offer::remaining, Offer::state)
                .containsExactly(1, OfferState.OPEN);

        Claim second = help.claim(SITE, offer.item().id(), claimOf(1, "Jo")).item();
        assertThat(help.recordNoShowAsCoordinator(SITE, second.id()).state()).isEqualTo(ClaimState.NO_SHOW);
        assertThat(help.offer(SITE, offer.item().id()).remaining()).isEqualTo(1);
    }

    @Test
    void theTwoSidesTalkThroughDoorstepAndSeeContactsOnlyOnceBothAgreeAndOnlyWhatEachChose() {
        Listed<Offer> offer = help.postOffer(SITE, meals(12));
        Listed<Claim> claim = help.claim(SITE, offer.item().id(), claimOf(2, "Sam"));
        String claimId = claim.item().id();

        help.write(SITE, claim.manageToken(), null, "Can I come at 18:00?");
        clock.advance(Duration.ofMinutes(3));
        help.write(SITE, offer.manageToken(), claimId, "Yes, ring the side door.");
        HelpThread giverView = help.thread(SITE, offer.manageToken(), claimId);
        HelpThread claimantView = help.thread(SITE, claim.manageToken(), null);
        assertThat(claimantView.posts()).extracting(ThreadPost::from, ThreadPost::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Side.RECEIVER, "Can I come at 18:00?"),
                org.assertj.core.groups.Tuple.tuple(Side.GIVER, "Yes, ring the side door."));
        assertThat(giverView.posts()).isEqualTo(claimantView.posts());
        assertThat(giverView.otherName()).isEqualTo("Sam");
        assertThat(claimantView.otherName()).isEqualTo("Taphouse kitchen");
        assertThat(giverView.released()).isNull();

        // each message reached the other side by the outbox, and carries neither side's address in its text
        List<OutboxEntry> sent = doorstep.outbox().recent(SITE, 20);
        assertThat(sent).filteredOn(e -> e.message().type().equals("help.post")).hasSize(2)
                .allSatisfy(e -> assertThat(e.message().text() + e.message().subject())
                        .doesNotContain("sam@residents.example", "kitchen@taphouse.example", "0161 496 0000"));
        assertThat(sent).filteredOn(e -> e.message().type().equals("help.post"))
                .extracting(e -> e.message().to().target())
                .containsExactlyInAnyOrder("sam@residents.example", "kitchen@taphouse.example");

        help.share(SITE, offer.manageToken(), claimId, EnumSet.of(Contact.Part.PHONE));
        assertThat(help.thread(SITE, claim.manageToken(), null).released()).isNull();
        help.share(SITE, claim.manageToken(), null, EnumSet.of(Contact.Part.EMAIL));
        assertThat(help.thread(SITE, claim.manageToken(), null).released()).isEqualTo(new Contact(null, "0161 496 0000"));
        assertThat(help.thread(SITE, offer.manageToken(), claimId).released())
                .isEqualTo(new Contact("sam@residents.example", null));
        // taking the agreement back hides both again
        help.share(SITE, claim.manageToken(), null, Set.of());
        assertThat(help.thread(SITE, offer.manageToken(), claimId).released()).isNull();
        assertThat(help.thread(SITE, claim.manageToken(), null).released()).isNull();
        // a giver's link cannot read another offer's claim
        Listed<Offer> other = help.postOffer(SITE, meals(3));
        assertThatThrownBy(() -> help.thread(SITE, other.manageToken(), claimId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void personalDetailsArePurgedTheSetNumberOfDaysAfterAnOfferClosesAndTheCountsStay() {
        help.saveSettings(help.settings(SITE).withRetentionDays(3));
        Listed<Offer> offer = help.postOffer(SITE, meals(12));
        Listed<Claim> claim = help.claim(SITE, offer.item().id(), claimOf(2, "Sam"));
        help.confirmClaim(SITE, offer.manageToken(), claim.item().id());
        help.write(SITE, claim.manageToken(), null, "Thank you!");
        help.markCollected(SITE, offer.manageToken(), claim.item().id());
        Listed<Offer> running = help.postOffer(SITE, meals(12));
        Listed<Claim> cancelled = help.claim(SITE, running.item().id(), claimOf(1, "Jo"));
        help.cancelClaim(SITE, cancelled.manageToken());
        help.closeOffer(SITE, offer.manageToken());

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        assertThat(help.purgeOver()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(help.purgeOver()).isEqualTo(3);

        HelpStore store = HelpStore.of(stores);
        assertThat(store.offer(SITE, offer.item().id())).isEmpty();
        assertThat(store.claim(SITE, claim.item().id())).isEmpty();
        assertThat(store.claim(SITE, cancelled.item().id())).isEmpty();
        assertThat(store.posts(SITE, claim.item().id())).isEmpty();
        assertThat(store.offer(SITE, running.item().id())).isPresent();
        assertThatThrownBy(() -> help.offerByToken(SITE, offer.manageToken())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> help.claimByToken(SITE, claim.manageToken())).isInstanceOf(ForbiddenException.class);
        assertThat(help.counts(SITE)).extracting(HelpCount::unitsGiven).containsExactly(2);
    }

    @Test
    void theDeskSuggestsOffersByCategoryAreaTimeAndDietAndOneClickConfirmsAMatch() {
        help.saveSettings(help.settings(SITE).withMode(HelpMode.DISPATCH));
        Offer meals = help.postOffer(SITE, meals(12)).item();
        OfferDetails elsewhere = new OfferDetails("Soup", null, "meals", "Moss Side", 4,
                HelpWindow.on(TODAY, LocalTime.of(12, 0), LocalTime.of(13, 0)), NOW.plus(Duration.ofHours(6)),
                EnumSet.of(Dietary.HALAL), null, Handover.DELIVERY, "St Mary's", new Contact("stmarys@example.org", null));
        Offer soup = help.postOffer(SITE, elsewhere).item();
        OfferDetails tooLate = new OfferDetails("Sunday roast", null, "meals", "Hulme", 4,
                HelpWindow.on(TODAY.plusDays(12), LocalTime.of(12, 0), LocalTime.of(13, 0)), NOW.plus(Duration.ofDays(13)),
                EnumSet.of(Dietary.HALAL), null, Handover.COLLECTION, "The Church", new Contact("church@example.org", null));
        help.postOffer(SITE, tooLate);
        OfferDetails meat = new OfferDetails("Pie and mash", null, "meals", "Hulme", 4,
                HelpWindow.on(TODAY, LocalTime.of(12, 0), LocalTime.of(13, 0)), NOW.plus(Duration.ofHours(6)),
                Set.of(), null, Handover.COLLECTION, "The Pub", new Contact("pub@example.org", null));
        help.postOffer(SITE, meat);
        Listed<HelpRequest> wanted = help.postRequest(SITE, request("A hot halal meal", "meals", EnumSet.of(Dietary.HALAL)));
        help.postRequest(SITE, request("A lift to the GP", "lifts", Set.of()));

        // a dispatch board shows residents no requests: they wait on the desk
        assertThat(help.openRequests(SITE, null, null)).isEmpty();
        Desk desk = help.desk(SITE).stream().filter(d -> d.request().id().equals(wanted.item().id())).findFirst().orElseThrow();
        assertThat(desk.suggestions()).extracting(Offer::id).containsExactly(meals.id(), soup.id());

        help.suggest(SITE, wanted.item().id(), meals.id());
        assertThat(help.requestByToken(SITE, wanted.manageToken()).state()).isEqualTo(RequestState.SUGGESTED);
        HelpRequest matched = help.confirmMatch(SITE, wanted.item().id(), meals.id());
        assertThat(matched.state()).isEqualTo(RequestState.CONFIRMED);
        assertThat(help.offer(SITE, meals.id())).extracting(Offer::confirmed, Offer::remaining).containsExactly(1, 11);
        assertThat(help.desk(SITE)).extracting(d -> d.request().details().need()).containsExactly("A lift to the GP");

        // the requester now talks with the giver on the claim made for them
        HelpThread requesterView = help.thread(SITE, wanted.manageToken(), null);
        assertThat(requesterView.threadId()).isEqualTo(matched.claimId());
        assertThat(requesterView.otherName()).isEqualTo("Taphouse kitchen");

        Claim made = HelpStore.of(stores).claim(SITE, matched.claimId()).orElseThrow();
        assertThat(made.details().name()).isEqualTo("Amira");
        help.recordNoShowAsCoordinator(SITE, made.id());
        assertThat(help.requestByToken(SITE, wanted.manageToken()).state()).isEqualTo(RequestState.NO_SHOW);
        assertThat(help.offer(SITE, meals.id()).remaining()).isEqualTo(12);
    }

    @Test
    void onAPeerToPeerBoardAResidentAnswersARequestAndTheRequesterAcceptsAndCompletesIt() {
        Listed<HelpRequest> wanted = help.postRequest(SITE, request("A lift to the GP", "lifts", Set.of()));
        assertThat(help.openRequests(SITE, "lifts", "hulme")).extracting(HelpRequest::id).containsExactly(wanted.item().id());

        Listed<HelpRequest> answer = help.answer(SITE, wanted.item().id(),
                new Helper("Dev", new Contact("dev@drivers.example", null)), "I can drive you on Tuesday.");
        assertThat(answer.item().state()).isEqualTo(RequestState.TENTATIVE);
        assertThatThrownBy(() -> help.answer(SITE, wanted.item().id(), new Helper("Kim", null), null))
                .isInstanceOf(ConflictException.class);
        assertThat(help.openRequests(SITE, null, null)).isEmpty();
        assertThat(help.thread(SITE, wanted.manageToken(), null).posts()).extracting(ThreadPost::text)
                .containsExactly("I can drive you on Tuesday.");
        assertThat(help.thread(SITE, answer.manageToken(), null).otherName()).isEqualTo("Amira");

        assertThat(help.acceptHelper(SITE, wanted.manageToken()).state()).isEqualTo(RequestState.CONFIRMED);
        assertThat(help.completeRequest(SITE, answer.manageToken()).state()).isEqualTo(RequestState.COMPLETED);
        assertThat(help.counts(SITE)).containsExactly(new HelpCount(SITE, LocalDate.of(2026, 3, 2), "Hulme", "lifts", 0, 1));
        assertThatThrownBy(() -> help.completeRequest(SITE, wanted.manageToken())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aModeratedBoardHidesNewListingsUntilACoordinatorApprovesThem() {
        help.saveSettings(help.settings(SITE).withModeration(true));
        Listed<Offer> offer = help.postOffer(SITE, meals(12));
        assertThat(help.board(SITE, null, null)).isEmpty();
        assertThatThrownBy(() -> help.offer(SITE, offer.item().id())).isInstanceOf(NotFoundException.class);
        assertThat(doorstep.moderation().pending(SITE)).extracting(p -> p.kind() + " " + p.title())
                .containsExactly("offer Hot meals");
        assertThat(doorstep.outbox().recent(SITE, 5)).extracting(e -> e.message().type()).contains("help.offer-pending");

        doorstep.moderation().decide(SITE, "offer", offer.item().id(), ModerationState.APPROVED);
        assertThat(help.board(SITE, null, null)).extracting(Offer::id).containsExactly(offer.item().id());
        assertThat(doorstep.moderation().pending(SITE)).isEmpty();
    }

    @Test
    void theBoardShowsWhatIsAvailableTodayFirstAndFiltersByCategoryAndArea() {
        Offer thursday = help.postOffer(SITE, meals(12)).item();
        OfferDetails bread = new OfferDetails("Surplus bread and veg", null, "surplus-food", "Hulme", 8,
                HelpWindow.on(TODAY, LocalTime.of(18, 0), LocalTime.of(20, 0)), NOW.plus(Duration.ofHours(12)),
                EnumSet.of(Dietary.VEGAN, Dietary.READY_TO_EAT), "gluten", Handover.COLLECTION, "Corner supermarket",
                new Contact("store@example.org", null));
        Offer tonight = help.postOffer(SITE, bread).item();
        assertThat(help.board(SITE, null, null)).extracting(Offer::id).containsExactly(tonight.id(), thursday.id());
        assertThat(help.board(SITE, "meals", null)).extracting(Offer::id).containsExactly(thursday.id());
        assertThat(help.board(SITE, null, "Moss Side")).isEmpty();
    }

    @Test
    void badInputNamesEachFieldAndRuleAndStoresNothing() {
        assertThatThrownBy(() -> new OfferDetails(" ", null, "Meals!", "", 0, null, null, null, null, null, "", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + ":" + error.rule()).contains("title:required",
                                "category:slug", "area:required", "quantity:range", "window:required",
                                "expiresAt:required", "giverName:required", "contact:required"));
        OfferDetails past = new OfferDetails("Hot meals", null, "meals", "Hulme", 3,
                HelpWindow.on(TODAY, LocalTime.NOON, LocalTime.of(13, 0)), NOW.minusSeconds(1), null, null, null,
                "Kitchen", new Contact(null, "0161 496 0000"));
        assertThatThrownBy(() -> help.postOffer(SITE, past)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(error -> error.field() + ":" + error.rule())
                        .containsExactly("expiresAt:future"));
        OfferDetails unknown = new OfferDetails("Hot meals", null, "haircuts", "Hulme", 3,
                HelpWindow.on(TODAY, LocalTime.NOON, LocalTime.of(13, 0)), NOW.plusSeconds(60), null, null, null,
                "Kitchen", new Contact(null, "0161 496 0000"));
        assertThatThrownBy(() -> help.postOffer(SITE, unknown)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(error -> error.field() + ":" + error.rule())
                        .containsExactly("category:unknown"));
        assertThatThrownBy(() -> Contact.parse("contact", "not a phone")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("contact"));
        assertThat(help.board(SITE, null, null)).isEmpty();
        assertThat(doorstep.outbox().recent(SITE, 5)).isEmpty();
    }

    @Test
    void aWithdrawnOfferLapsesItsHoldsAndIsGoneFromTheBoard() {
        Listed<Offer> offer = help.postOffer(SITE, meals(4));
        Claim held = help.claim(SITE, offer.item().id(), claimOf(1, "Sam")).item();
        assertThat(help.withdrawOffer(SITE, offer.manageToken()).state()).isEqualTo(OfferState.WITHDRAWN);
        assertThat(stateOf(held)).isEqualTo(ClaimState.LAPSED);
        assertThatThrownBy(() -> help.offer(SITE, offer.item().id())).isInstanceOf(NotFoundException.class);
        assertThat(help.board(SITE, null, null)).isEmpty();
    }
}
