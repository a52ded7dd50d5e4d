package community.doorstep.web.help;

import com.fasterxml.jackson.databind.JsonNode;
import community.doorstep.Doorstep;
import community.doorstep.access.Capability;
import community.doorstep.access.ModerationState;
import community.doorstep.help.HelpMode;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import community.doorstep.web.testing.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static community.doorstep.web.testing.ApiAssertions.json;
import static community.doorstep.web.testing.ApiAssertions.okJson;
import static community.doorstep.web.testing.ApiAssertions.problem;
import static community.doorstep.web.testing.WidgetAssertions.assertPrivate;
import static community.doorstep.web.testing.WidgetAssertions.link;
import static community.doorstep.web.testing.WidgetAssertions.ok;
import static community.doorstep.web.testing.WidgetAssertions.page;
import static community.doorstep.web.testing.WidgetAssertions.post;
import static org.assertj.core.api.Assertions.assertThat;

/** The help board over HTTP: its widget pages, manage pages, the coordinator's desk and its JSON API. */
class HelpWidgetsTest {
    /** A Tuesday morning. */
    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    private static final String API = "api/v1/sites/hulme/";
    private final MutableClock clock = new MutableClock(NOW);
    private Doorstep doorstep;
    private WebServer server;

    @BeforeEach
    void start() {
        doorstep = Doorstep.builder().stores(Stores.inMemory()).clock(clock).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
        server = WebServer.start(doorstep, "/doorstep");
    }

    @AfterEach
    void stop() {
        server.close();
        doorstep.close();
    }

    private String offerMeals() {
        String listed = ok(post(server, "w/hulme/help/offer", "title", "Hot meals", "category", "meals", "quantity", "12",
                "area", "Hulme", "repeats", "weekly", "windowWeekday", "THURSDAY", "windowStart", "17:00",
                "windowEnd", "18:30", "expiresDate", "2026-03-05", "expiresTime", "19:00", "dietary-halal", "on",
                "dietary-vegetarian", "on", "handover", "collection", "giverName", "Taphouse kitchen",
                "email", "kitchen@taphouse.example", "phone", "0161 496 0000"));
        assertThat(listed).contains("Your offer is in", "Your private link");
        return link(listed, server.origin() + "/doorstep/w/hulme/help/manage/");
    }

    private String path(String absolute) {
        return absolute.substring((server.origin() + "/doorstep/").length());
    }

    @Test
    void aGiverOffersMealsAResidentClaimsTwoTheyTalkWithoutSeeingAddressesAndTheGiverConfirmsAndMarksThemCollected() {
        String giver = path(offerMeals());
        String board = ok(server.get("w/hulme/help"));
        assertThat(board).contains("Hot meals", "12 of 12 left", "Every Thursday, 17:00 to 18:30", "Halal", "Vegetarian")
                .doesNotContain("kitchen@taphouse.example", "0161 496 0000");
        String offerPage = link(board, "/doorstep/w/hulme/help/offers/");
        String offerPath = offerPage.substring("/doorstep/".length());
        assertThat(ok(server.get(offerPath))).contains("Claim some", "Taphouse kitchen");

        HttpResponse<String> claimed = post(server, offerPath, "quantity", "2", "name", "Sam", "email", "sam@residents.example");
        String claimant = path(link(ok(claimed), server.origin() + "/doorstep/w/hulme/help/manage/"));
        assertPrivate(claimed);
        assertThat(ok(server.get("w/hulme/help"))).contains("10 of 12 left");

        String giverPage = ok(server.get(giver));
        assertThat(giverPage).contains("Sam: 2", "Confirm", "Held for you").doesNotContain("sam@residents.example");
        String claimId = giverPage.replaceAll("(?s).*name=\"claimId\" value=\"([^\"]+)\".*", "$1");

        ok(post(server, claimant, "action", "write", "text", "Can I come at 18:00?"));
        assertThat(ok(post(server, giver, "action", "write", "claimId", claimId, "text", "Yes, ring the side door.")))
                .contains("Can I come at 18:00?", "Yes, ring the side door.", "Your message was sent.");
        String claimantPage = ok(server.get(claimant));
        assertThat(claimantPage).contains("Messages with Taphouse kitchen", "Yes, ring the side door.")
                .doesNotContain("kitchen@taphouse.example", "0161 496 0000");

        ok(post(server, giver, "action", "share", "claimId", claimId, "share-phone", "on"));
        assertThat(ok(server.get(claimant))).contains("They have agreed to share").doesNotContain("0161 496 0000");
        assertThat(ok(post(server, claimant, "action", "share", "share-email", "on")))
                .contains("Their details: 0161 496 0000").doesNotContain("kitchen@taphouse.example");

        assertThat(ok(post(server, giver, "action", "confirm", "claimId", claimId))).contains("The claim is now: Confirmed");
        assertThat(ok(server.get(giver.replace("/manage/", "/round/")))).contains("Round list: Hot meals", "Sam",
                "sam@residents.example");
        assertThat(ok(post(server, giver, "action", "collected", "claimId", claimId))).contains("The claim is now: Collected");
        assertThat(page(post(server, giver, "action", "collected", "claimId", claimId), 409)).contains("This changed at the same moment");
        assertThat(doorstep.help().counts("hulme")).singleElement().satisfies(count ->
                assertThat(count.unitsGiven()).isEqualTo(2));
    }

    @Test
    void aRefusedFormSaysWhatIsWrongFieldByFieldAndKeepsWhatWasTyped() {
        String body = page(post(server, "w/hulme/help/offer", "title", "Hot meals", "quantity", "lots", "area", "",
                "windowDate", "24/13/2026", "windowStart", "17:00", "windowEnd", "16:00", "giverName", "Kitchen",
                "email", "not-an-address"), 400);
        assertThat(body).contains("There is a problem", "Enter a whole number", "Enter the area",
                "Enter an email address like", "value=\"Hot meals\"", "value=\"24/13/2026\"", "value=\"not-an-address\"");
        assertThat(doorstep.help().board("hulme", null, null)).isEmpty();
    }

    @Test
    void claimingMoreThanRemainsIsAPlainMessageOnThePageAndA409InTheApi() {
        offerMeals();
        String offerId = doorstep.help().board("hulme", null, null).get(0).id();
        assertThat(page(post(server, "w/hulme/help/offers/" + offerId, "quantity", "13", "name", "Sam"), 409))
                .contains("there are not enough left");
        JsonNode refused = problem(server.send("POST", API + "offers/" + offerId + "/claims",
                "{\"quantity\": 13, \"name\": \"Sam\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"), 409);
        assertThat(refused.get("detail").asText()).contains("12 remain");
        HttpResponse<String> created = server.send("POST", API + "offers/" + offerId + "/claims",
                "{\"quantity\": 2, \"name\": \"Sam\", \"contact\": \"sam@residents.example\"}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("manageLink").asText()).startsWith(server.origin() + "/doorstep/w/hulme/help/manage/");
        JsonNode offers = okJson(server.get(API + "offers?category=meals"));
        assertThat(offers.get("offers").get(0).get("remaining").asInt()).isEqualTo(10);
        assertThat(offers.toString()).doesNotContain("kitchen@taphouse.example", "sam@residents.example");
    }

    @Test
    void theApiTakesOffersAndNamesEachFieldItRefuses() {
        String offer = "{\"title\": \"Surplus bread\", \"category\": \"surplus-food\", \"area\": \"Hulme\", \"quantity\": 8,"
                + " \"window\": {\"date\": \"2026-03-03\", \"start\": \"18:00\", \"end\": \"20:00\"},"
                + " \"expiresAt\": \"2026-03-03T21:00:00Z\", \"dietary\": [\"vegan\", \"ready-to-eat\"],"
                + " \"giverName\": \"Corner shop\", \"contact\": \"0161 496 0001\"}";
        HttpResponse<String> created = server.send("POST", API + "offers", offer.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("state").asText()).isEqualTo("open");
        JsonNode listed = okJson(server.get(API + "offers")).get("offers").get(0);
        assertThat(listed.get("dietary").toString()).isEqualTo("[\"vegan\",\"ready-to-eat\"]");
        assertThat(listed.get("window").get("date").asText()).isEqualTo("2026-03-03");

        JsonNode bad = problem(server.send("POST", API + "offers", "{\"title\": \"\", \"quantity\": 0, \"category\": \"x\"}"
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"), 400);
        assertThat(bad.toString()).contains("\"title\"", "\"quantity\"", "\"area\"", "\"giverName\"");
        JsonNode typed = problem(server.send("POST", API + "offers", "{\"quantity\": \"many\"}"
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"), 400);
        assertThat(typed.get("errors").get(0).get("field").asText()).isEqualTo("quantity");
        assertThat(typed.get("errors").get(0).get("message").asText()).isEqualTo("quantity must be a whole number");
        assertThat(typed.toString()).doesNotContain("many");
        JsonNode unknown = problem(server.send("POST", API + "offers", "{\"phoneNumber\": \"0161 496 0000\"}"
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"), 400);
        assertThat(unknown.get("errors").get(0).get("rule").asText()).isEqualTo("unknown-field");
        assertThat(unknown.toString()).doesNotContain("0161");
    }

    @Test
    void theCoordinatorsDeskMatchesARequestInDispatchModeWithTheAdminTokenOnly() {
        doorstep.help().saveSettings(doorstep.help().settings("hulme").withMode(HelpMode.DISPATCH));
        offerMeals();
        ok(post(server, "w/hulme/help/request", "need", "A hot halal meal", "category", "meals", "area", "Hulme",
                "neededBy", "2026-03-06", "urgency", "soon", "dietary-halal", "on", "name", "Amira"));
        assertThat(ok(server.get("w/hulme/help"))).doesNotContain("A hot halal meal");
        assertThat(ok(server.get("w/hulme/help/desk"))).contains("Enter the admin token").doesNotContain("A hot halal meal");
        assertThat(server.get(API + "help/desk").statusCode()).isEqualTo(403);

        String token = doorstep.access().issue("hulme", Capability.SITE_ADMIN, "hulme");
        String desk = ok(server.get("w/hulme/help/desk/" + token));
        assertThat(desk).contains("A hot halal meal", "Offers that could meet it", "Hot meals", "Confirm match");
        String requestId = desk.replaceAll("(?s).*name=\"requestId\" value=\"([^\"]+)\".*", "$1");
        String offerId = desk.replaceAll("(?s).*name=\"offerId\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> matched = server.send("POST", "w/hulme/help/desk/" + token,
                ("action=match&requestId=" + requestId + "&offerId=" + offerId).getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "null");
        assertThat(ok(matched)).contains("Matched: the giver and the resident have been told", "Amira");
        assertThat(doorstep.help().offer("hulme", offerId).remaining()).isEqualTo(11);

        HttpResponse<String> refused = server.send("POST", "w/hulme/help/desk/" + token,
                "action=settings&mode=dispatch&holdMinutes=2&retentionDays=14".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "null");
        assertThat(page(refused, 400)).contains("Nothing was saved");
        assertThat(doorstep.help().settings("hulme").holdMinutes()).isEqualTo(30);
        ok(server.send("POST", "w/hulme/help/desk/" + token,
                "action=settings&mode=dispatch&holdMinutes=45&retentionDays=14".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "null"));
        assertThat(doorstep.help().settings("hulme")).extracting(s -> s.holdMinutes(), s -> s.retentionDays(),
                s -> s.mode()).containsExactly(45, 14, HelpMode.DISPATCH);

        JsonNode api = okJson(server.get(API + "help/desk", "Authorization", "Bearer " + token));
        assertThat(api.get("requests")).isEmpty();
        HttpResponse<String> csv = server.get(API + "help/counts.csv", "Authorization", "Bearer " + token);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("week,area,category,units_given,requests_completed");
    }

    @Test
    void onceOnTheBoardTheGiversAndRequestersPrivatePagesGiveThePublicLinkToShareApartFromThePrivateOne() {
        doorstep.help().saveSettings(doorstep.help().settings("hulme").withModeration(true));
        String giver = path(offerMeals());
        String requester = path(link(ok(post(server, "w/hulme/help/request", "need", "A lift to the clinic",
                "category", "lifts", "area", "Hulme", "neededBy", "2026-03-06", "urgency", "soon", "name", "Amira")),
                server.origin() + "/doorstep/w/hulme/help/manage/"));
        assertThat(ok(server.get(giver))).doesNotContain("Share your offer", "public-link");
        assertThat(ok(server.get(requester))).doesNotContain("Share your request", "public-link");

        String offerId = doorstep.help().offerModeration().pending("hulme").get(0).subjectId();
        doorstep.help().offerModeration().decide("hulme", offerId, ModerationState.APPROVED);
        String requestId = doorstep.help().requestModeration().pending("hulme").get(0).subjectId();
        doorstep.help().requestModeration().decide("hulme", requestId, ModerationState.APPROVED);

        assertThat(ok(server.get(giver))).contains("Share your offer", "not the private one of this page",
                "<a id=\"public-link\" href=\"" + server.origin() + "/doorstep/w/hulme/help/offers/" + offerId + "\">");
        assertThat(ok(server.get(requester))).contains("Share your request",
                "<a id=\"public-link\" href=\"" + server.origin() + "/doorstep/w/hulme/help/requests/" + requestId + "\">");
        assertThat(ok(server.get("w/hulme/help/offers/" + offerId))).contains("Hot meals");
        assertThat(ok(server.get("w/hulme/help/requests/" + requestId))).contains("A lift to the clinic");

        ok(post(server, giver, "action", "withdraw"));
        assertThat(ok(server.get(giver))).doesNotContain("Share your offer");
    }

    @Test
    void anExpiredOfferLeavesTheBoardAndItsPageSaysItIsClosed() {
        offerMeals();
        String offerId = doorstep.help().board("hulme", null, null).get(0).id();
        clock.set(Instant.parse("2026-03-05T19:00:00Z"));
        doorstep.runDueWork();
        assertThat(ok(server.get("w/hulme/help"))).doesNotContain("Hot meals");
        assertThat(ok(server.get("w/hulme/help/offers/" + offerId))).contains("not open for claims any more")
                .doesNotContain("name=\"quantity\"");
        clock.advance(Duration.ofDays(40));
        doorstep.help().purgeOver();
        assertThat(server.get("w/hulme/help/offers/" + offerId).statusCode()).isEqualTo(404);
    }
}
