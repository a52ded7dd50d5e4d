package community.doorstep.web.events;

import community.doorstep.Doorstep;
import community.doorstep.DoorstepException;
import community.doorstep.access.Capability;
import community.doorstep.events.Feed;
import community.doorstep.web.testing.Neighbourhood;
import community.doorstep.web.testing.WebServer;
import community.doorstep.web.testing.WidgetAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static community.doorstep.web.testing.WidgetAssertions.assertPrivate;
import static community.doorstep.web.testing.WidgetAssertions.link;
import static community.doorstep.web.testing.WidgetAssertions.ok;
import static community.doorstep.web.testing.WidgetAssertions.page;
import static community.doorstep.web.testing.WidgetAssertions.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The coordinator's page (by token or by the host's Authorizer) and the organiser's page. */
class CoordinatorWidgetsTest {
    private Doorstep doorstep;
    private WebServer server;
    private String admin;

    @BeforeEach
    void start() {
        doorstep = Neighbourhood.create();
        server = WebServer.start(doorstep, "/doorstep",
                (request, siteId) -> "yes".equals(request.getHeader("X-Coordinator")) && siteId.equals("hulme"));
        admin = "w/hulme/admin/" + doorstep.access().issue("hulme", Capability.SITE_ADMIN, "hulme");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String suggest(String title) {
        post(server, "w/hulme/submit", "title", title, "date", "2026-06-06", "startTime", "11:00");
        return doorstep.events().submissions().pendingSubmissions("hulme").stream().filter(event -> event.title().equals(title))
                .findFirst().orElseThrow().id();
    }

    @Test
    void approvingASuggestionPutsItOnTheListPage() {
        String id = suggest("Plant swap");
        assertThat(ok(server.get("w/hulme/events"))).doesNotContain("Plant swap");
        HttpResponse<String> listed = server.get(admin);
        assertThat(ok(listed)).contains("Suggestions waiting for you", "Plant swap", "Saturday 6 June 2026, 11:00–12:00");
        assertPrivate(listed);

        String approved = ok(post(server, admin, "action", "approve", "eventId", id));

        assertThat(approved).contains("Approved: Plant swap", "No suggestions are waiting.");
        assertThat(ok(server.get("w/hulme/events"))).containsSubsequence("Saturday 6 June", "11:00–12:00", "Plant swap");
    }

    @Test
    void approvingASuggestionItsAuthorChangedSinceThePageShowedItPublishesNothingAndShowsTheChange() {
        String id = suggest("Plant swap");
        String listed = ok(server.get(admin));
        String revision = listed.replaceAll("(?s).*name=\"revision\" value=\"([0-9a-f]{64})\".*", "$1");
        String manage = "w/hulme/manage/" + doorstep.access().issue("hulme", Capability.SUBMISSION, id);
        ok(post(server, manage, "action", "edit", "title", "Plant swap and a cash prize draw", "date", "2026-06-06",
                "startTime", "11:00"));

        String refused = page(post(server, admin, "action", "approve", "eventId", id, "revision", revision), 409);
        assertThat(refused).contains("It was changed by the person who suggested it", "Plant swap and a cash prize draw");
        assertThat(ok(server.get("w/hulme/events"))).doesNotContain("Plant swap");
        String again = refused.replaceAll("(?s).*name=\"revision\" value=\"([0-9a-f]{64})\".*", "$1");
        assertThat(ok(post(server, admin, "action", "approve", "eventId", id, "revision", again)))
                .contains("Approved: Plant swap and a cash prize draw");
    }

    @Test
    void rejectingASuggestionKeepsItOffTheList() {
        String id = suggest("Dubious sale");
        assertThat(ok(post(server, admin + "?lang=cy", "action", "reject", "eventId", id))).contains("Wedi&#39;i wrthod: Dubious sale");
        assertThat(ok(server.get("w/hulme/events"))).doesNotContain("Dubious sale");
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).isEmpty();
    }

    @Test
    void aWrongTokenOrAnotherCapabilityIsAFriendly404() {
        String submission = "w/hulme/admin/" + doorstep.access().issue("hulme", Capability.ORGANISER, "lunch-club");
        assertThat(page(server.get("w/hulme/admin/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 404)).contains("Page not found");
        assertThat(page(server.get(submission), 404)).contains("Page not found");
        assertThat(page(post(server, "w/hulme/admin/nonsense", "action", "approve", "eventId", "x"), 404)).contains("Page not found");
    }

    @Test
    void theHostsAuthorizerOpensTheCoordinatorPageWithoutAToken() {
        String id = suggest("Book club");
        assertThat(ok(server.get("w/hulme/admin"))).contains("Enter the admin token").doesNotContain("Book club");
        HttpResponse<String> signedIn = server.get("w/hulme/admin", "X-Coordinator", "yes");
        assertThat(ok(signedIn)).contains("Book club", "action=\"/doorstep/w/hulme/admin\"");
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> approve = server.send("POST", "w/hulme/admin", WidgetAssertions.form("action", "approve", "eventId", id),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", server.origin(), "X-Coordinator", "yes");
        assertThat(ok(approve)).contains("Approved: Book club");
        HttpResponse<String> forged = server.send("POST", "w/hulme/admin", WidgetAssertions.form("action", "approve", "eventId", id),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "null", "X-Coordinator", "yes");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aCoordinatorWithoutASignInOpensTheirPagesByTypingTheAdminTokenIntoAForm() {
        String form = ok(server.get("w/hulme/admin?lang=cy"));
        assertThat(form).contains("Rhowch y tocyn gweinyddu", "name=\"token\" type=\"password\"",
                "action=\"/doorstep/w/hulme/admin?lang=cy\"");
        String wrong = page(post(server, "w/hulme/admin", "action", "sign-in", "token", "not-the-token"), 400);
        assertThat(wrong).contains("That is not this site&#39;s admin token", "href=\"#token\"").doesNotContain("not-the-token");

        String token = doorstep.access().issue("hulme", Capability.SITE_ADMIN, "hulme");
        for (String path : List.of("w/hulme/admin", "w/hulme/help/desk")) {
            HttpResponse<String> opened = post(server, path, "action", "sign-in", "token", " " + token + " ");
            assertThat(opened.statusCode()).as(path).isEqualTo(303);
            assertThat(opened.headers().firstValue("Location")).as(path)
                    .hasValue(server.origin() + "/doorstep/" + path + "/" + token);
        }
    }

    @Test
    void addingAnOrganisationShowsItsOrganiserLinkOnceAndRefusesMistakes() {
        String invalid = page(post(server, admin, "action", "add-organisation", "id", "Bad Id", "name", ""), 400);
        assertThat(invalid).contains("Use only lower-case letters, numbers and hyphens.", "Enter a name.", "value=\"Bad Id\"");
        assertThat(page(post(server, admin, "action", "add-organisation", "id", "lunch-club", "name", "Again"), 400))
                .contains("That short name is already used.");

        String added = ok(post(server, admin, "action", "add-organisation", "id", "repair-cafe", "name", "Hulme Repair Café",
                "area", "hulme-central"));

        assertThat(added).contains("Hulme Repair Café has been added.", "Organiser link for Hulme Repair Café");
        String organiser = link(added, server.origin() + "/doorstep/w/hulme/organiser/");
        assertThat(ok(server.get(organiser.substring(server.origin().length() + "/doorstep/".length()))))
                .contains("Hulme Repair Café: organiser&#39;s page");
        assertThat(doorstep.sites().findOrganisation("hulme", "repair-cafe")).hasValueSatisfying(
                organisation -> assertThat(organisation.areaId()).isEqualTo("hulme-central"));
    }

    @Test
    void organiserEditsTheProfileRegistersAFeedAndSeesItsStatus() {
        String organiser = "w/hulme/organiser/" + doorstep.access().issue("hulme", Capability.ORGANISER, "lunch-club");
        HttpResponse<String> first = server.get(organiser);
        assertThat(ok(first)).contains("Hulme Lunch Club: organiser&#39;s page", "value=\"https://lunch.example.org\"");
        assertPrivate(first);

        assertThat(ok(post(server, organiser, "action", "profile", "name", "Hulme Lunch Club & Friends", "website", "https://lunch.example.org/new")))
                .contains("Your group&#39;s details are saved.");
        assertThat(doorstep.sites().findOrganisation("hulme", "lunch-club").orElseThrow().name()).isEqualTo("Hulme Lunch Club & Friends");

        assertThat(page(post(server, organiser, "action", "feed", "url", "ftp://example.org/cal"), 400))
                .contains("Enter a calendar address starting with https:// or webcal://");
        String registered = ok(post(server, organiser, "action", "feed", "url", "http://127.0.0.1:9/calendar.ics"));
        assertThat(registered).contains("The feed is saved.", "Feed lunch", "Feed lunch-club", "Not fetched yet.");
        Feed feed = doorstep.events().feeds().feeds("hulme").stream().filter(f -> f.id().equals("lunch-club")).findFirst().orElseThrow();
        assertThat(feed.organisationId()).isEqualTo("lunch-club");

        // a feed on a private address is refused by the fetcher, and the organiser is told
        assertThat(catchThrowable(() -> doorstep.events().feeds().importCalendar(feed))).isInstanceOf(DoorstepException.class);
        String status = ok(server.get(organiser + "&lang=cy".replaceFirst("&", "?")));
        assertThat(status).contains("Ffrwd lunch-club", "Methodd yr ymgais ddiwethaf, Dydd Llun 1 Mehefin 2026, 10:00:");

        assertThat(ok(post(server, organiser, "action", "feed", "feedId", "lunch-club", "url", "https://calendar.example.org/lunch.ics")))
                .contains("value=\"https://calendar.example.org/lunch.ics\"");
        assertThat(page(post(server, organiser, "action", "feed", "feedId", "esol", "url", "https://x.example/cal.ics"), 404))
                .contains("Page not found");

        // the organiser removes the feed it no longer wants, and only its own
        assertThat(page(post(server, organiser, "action", "delete-feed", "feedId", "esol"), 404)).contains("Page not found");
        assertThat(ok(post(server, organiser, "action", "delete-feed", "feedId", "lunch-club")))
                .contains("The feed and its events are removed.").doesNotContain("Feed lunch-club");
        assertThat(doorstep.events().feeds().feeds("hulme")).extracting(Feed::id).doesNotContain("lunch-club").contains("esol");
    }
}
