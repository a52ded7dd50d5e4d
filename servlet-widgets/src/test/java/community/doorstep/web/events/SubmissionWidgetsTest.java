package community.doorstep.web.events;

import community.doorstep.Doorstep;
import community.doorstep.access.Capability;
import community.doorstep.access.ModerationState;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import community.doorstep.web.testing.Neighbourhood;
import community.doorstep.web.testing.WebServer;
import community.doorstep.web.testing.WidgetAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static community.doorstep.web.testing.WidgetAssertions.assertPrivate;
import static community.doorstep.web.testing.WidgetAssertions.form;
import static community.doorstep.web.testing.WidgetAssertions.link;
import static community.doorstep.web.testing.WidgetAssertions.ok;
import static community.doorstep.web.testing.WidgetAssertions.page;
import static community.doorstep.web.testing.WidgetAssertions.post;
import static org.assertj.core.api.Assertions.assertThat;

/** The suggestion form and the manage page behind the link it gives. */
class SubmissionWidgetsTest {
    private static final String SUBMIT = "w/hulme/submit";
    private final MutableClock clock = new MutableClock(Neighbourhood.NOW);
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
    }

    private HttpResponse<String> suggest(String title, String... more) {
        String[] pairs = new String[8 + more.length];
        System.arraycopy(new String[]{"title", title, "date", "2026-06-20", "startTime", "14:00", "endTime", "16:00"}, 0, pairs, 0, 8);
        System.arraycopy(more, 0, pairs, 8, more.length);
        return post(server, SUBMIT, pairs);
    }

    @Test
    void formHasALabelForEveryFieldAndAHiddenHoneypot() {
        String body = ok(server.get(SUBMIT + "?lang=cy"));
        for (String field : SubmissionForm.FIELDS) {
            assertThat(body).contains("<label for=\"" + field + "\">", "id=\"" + field + "\" name=\"" + field + "\"");
        }
        assertThat(body).contains("Awgrymu digwyddiad", "Gadewch y maes hwn yn wag",
                "name=\"homepage\" type=\"text\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"",
                "action=\"/doorstep/w/hulme/submit?lang=cy\"");
    }

    @Test
    void successShowsThePrivateManageLinkOnceAndTheLinkOpensTheManagePage() {
        HttpResponse<String> response = suggest("Street party", "place", "Rolls Crescent", "cost", "Am ddim");
        String body = ok(response);
        assertPrivate(response);

        assertThat(body).contains("Keep this link private", "not the same as the event",
                "This link is the only way back to your suggestion", "data-copy=\"private-link\"", "data-print hidden");
        String manage = link(body, server.origin() + "/doorstep/w/hulme/manage/");
        // switching language on this page keeps the link: it leads to the link's own page
        assertThat(body).contains("href=\"" + manage.substring(server.origin().length()) + "?lang=cy\"");
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).extracting(event -> event.title()).containsExactly("Street party");
        HttpResponse<String> managed = server.send(server.request(manage.substring(server.origin().length() + "/doorstep/".length())).GET().build());
        assertThat(ok(managed)).contains("Street party", "Waiting for a coordinator", "Saturday 20 June 2026, 14:00–16:00",
                "value=\"Rolls Crescent\"");
        assertPrivate(managed);
    }

    @Test
    void aCoordinatorLetsAnAddressManyResidentsShareSendMoreAndRefusedTriesNeverCount() {
        for (int i = 0; i < 8; i++) {
            assertThat(page(post(server, SUBMIT, "title", "", "date", "2026-06-20"), 400)).as("refused try " + i)
                    .contains("Enter the name of the event.");
        }
        String admin = "w/hulme/admin/" + doorstep.access().issue("hulme", Capability.SITE_ADMIN, "hulme");
        assertThat(ok(post(server, admin, "action", "write-allowance", "allowance", "10")))
                .contains("Each address may now send 10 times the usual number.");
        for (int i = 0; i < 50; i++) {
            assertThat(suggest("Library event " + i).statusCode()).as("suggestion " + i).isEqualTo(200);
        }
        assertThat(suggest("One too many").statusCode()).isEqualTo(429);
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).hasSize(50);
    }

    @Test
    void suggestionsSentAllAtOnceFromOneAddressGetNoMoreThanTheLimit() throws Exception {
        int senders = 25;
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        CyclicBarrier together = new CyclicBarrier(senders);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                String title = "Flood " + i;
                answers.add(threads.submit(() -> {
                    together.await();
                    return suggest(title).statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(200, 429);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(5);
        } finally {
            threads.shutdownNow();
        }
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).hasSize(5);
    }

    @Test
    void onceApprovedTheManagePageGivesThePublicLinkToShareApartFromThePrivateOne() {
        String manage = link(ok(suggest("Street party")), server.origin() + "/doorstep/w/hulme/manage/");
        String path = manage.substring(server.origin().length() + "/doorstep/".length());
        assertThat(ok(server.get(path))).doesNotContain("Share your event");

        String id = doorstep.events().submissions().pendingSubmissions("hulme").get(0).id();
        doorstep.events().submissions().moderate("hulme", id, ModerationState.APPROVED);
        String approved = ok(server.get(path));
        assertThat(approved).contains("Share your event", "not the private one of this page",
                "<a id=\"public-link\" href=\"" + server.origin() + "/doorstep/w/hulme/events/" + id + "\">");
        assertThat(ok(server.get("w/hulme/events/" + id))).contains("Street party");
    }

    @Test
    void aResidentEmailsThemselvesTheirPrivateLinkInTheirLanguage() {
        String body = ok(suggest("Street party"));
        String manage = link(body, server.origin() + "/doorstep/w/hulme/manage/");
        String path = manage.substring(server.origin().length() + "/doorstep/".length());
        assertThat(body).contains("Email me this link", "action=\"/doorstep/" + path + "\"");

        assertThat(page(post(server, path + "?lang=cy", "action", "email-link", "email", "not an address"), 200))
                .contains("Nid yw hwnnw’n gyfeiriad e-bost");
        assertThat(ok(post(server, path + "?lang=cy", "action", "email-link", "email", "amira@example.org")))
                .contains("Mae’r ddolen ar ei ffordd");
        assertThat(doorstep.outbox().recent("hulme", 10)).filteredOn(entry -> entry.message().type().equals("link.private"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.message().to().target()).isEqualTo("amira@example.org");
                    assertThat(entry.message().language()).isEqualTo("cy");
                    assertThat(entry.message().text()).contains(manage, "Dyma’ch dolen breifat");
                });
    }

    @Test
    void aFilledHoneypotLooksLikeSuccessButStoresNothing() {
        String body = ok(suggest("Cheap pills", "homepage", "https://spam.example"));
        assertThat(body).contains("Keep this link private");
        // its link has the shape of every real one, so the robot learns nothing from it
        assertThat(link(body, server.origin() + "/doorstep/w/hulme/manage/")).matches(".*/manage/[0-9a-z]{26}");
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).isEmpty();
    }

    @Test
    void invalidInputComesBackWithValuesKeptAndMessagesInTheChosenLanguage() {
        HttpResponse<String> response = post(server, SUBMIT + "?lang=cy", "title", "", "date", "2026-06-20",
                "startTime", "15:00", "endTime", "14:00", "place", "Neuadd <y> Dref", "bookingLink", "javascript:alert(1)");
        String body = page(response, 400);

        assertThat(body).contains("Mae problem", "Rhowch enw&#39;r digwyddiad.",
                "Rhaid i&#39;r amser gorffen fod ar ôl yr amser dechrau.", "Rhowch gyfeiriad gwe sy&#39;n dechrau gyda https://");
        assertThat(body).contains("href=\"#title\"", "aria-describedby=\"title-error\" aria-invalid=\"true\"",
                "id=\"endTime-error\"", "value=\"Neuadd &lt;y&gt; Dref\"", "value=\"15:00\"");
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).isEmpty();
        assertThat(page(post(server, SUBMIT, "title", "Fair", "date", "2020-01-01"), 400))
                .contains("The date must be today or later.");
    }

    @Test
    void datesAndTimesAreReadAsResidentsTypeThemAndWhatIsRefusedStaysTypedBesideWhatToType() {
        assertThat(ok(server.get(SUBMIT))).contains("id=\"date\" name=\"date\" type=\"text\"",
                "For example 24/12/2026 or 24 Dec 2026", "For example 19:00 or 7pm");
        ok(post(server, SUBMIT, "title", "Carols", "date", "24 Rhagfyr 2026", "startTime", "7pm", "endTime", "20.30"));
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).singleElement().satisfies(event -> {
            assertThat(event.time().start().toLocalDateTime()).hasToString("2026-12-24T19:00");
            assertThat(event.time().end().toLocalDateTime()).hasToString("2026-12-24T20:30");
        });

        String refused = page(post(server, SUBMIT, "title", "Carols", "date", "next Tuesday", "startTime", "half seven"), 400);
        assertThat(refused).contains("value=\"next Tuesday\"", "value=\"half seven\"",
                "Enter a date such as 24/12/2026 or 24 December 2026.", "Enter a time such as 19:00 or 7pm.");
        assertThat(page(post(server, SUBMIT + "?lang=cy", "title", "Carolau", "date", "dydd Mawrth"), 400))
                .contains("value=\"dydd Mawrth\"", "Rhowch ddyddiad fel 24/12/2026 neu 24 Rhagfyr 2026.");
    }

    @Test
    void whatCoreRefusesIsShownAgainstItsFieldAndNothingReachesTheDatabase() {
        String body = page(post(server, SUBMIT, "title", "Fair", "date", "+10000-06-20",
                "bookingLink", "https://example.org/" + "a".repeat(2000), "place", "p".repeat(501)), 400);

        assertThat(body).contains("id=\"bookingLink-error\"", "id=\"place-error\"", "id=\"date-error\"",
                "This is too long. Please shorten it.");
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).isEmpty();
        assertThat(page(post(server, SUBMIT, "title", "Fair", "date", "10000-06-20"), 400))
                .contains("id=\"date-error\"");
    }

    @Test
    void tooManySuggestionsFromOneAddressGet429UntilTheClockMoves() {
        for (int i = 0; i < 5; i++) {
            assertThat(suggest("Event " + i).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = suggest("One too many");
        assertThat(page(limited, 429)).contains("Please wait a little", "2 minute");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("120");

        clock.advance(Duration.ofMinutes(2));
        assertThat(suggest("After a pause").statusCode()).isEqualTo(200);
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).hasSize(6);
    }

    @Test
    void refusedSuggestionsDoNotCountAgainstTheLimitButAcceptedEditsDo() {
        for (int i = 0; i < 8; i++) {
            page(post(server, SUBMIT, "title", "", "date", "2026-06-20"), 400);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(suggest("Event " + i).statusCode()).isEqualTo(200);
        }
        String manage = link(ok(suggest("The fifth")), server.origin()).substring(server.origin().length() + "/doorstep/".length());
        HttpResponse<String> edit = post(server, manage, "action", "edit", "title", "Edited", "date", "2026-06-21");
        assertThat(page(edit, 429)).contains("Please wait a little");
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).extracting(e -> e.title())
                .contains("The fifth").doesNotContain("Edited");
    }

    @Test
    void postsFromAnotherSiteOrWithoutAnOriginAreRefused() {
        HttpResponse<String> foreign = server.send("POST", SUBMIT, form("title", "Phish", "date", "2026-06-20"),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example");
        HttpResponse<String> opaque = server.send("POST", SUBMIT, form("title", "Phish", "date", "2026-06-20"),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "null");
        HttpResponse<String> bare = server.send("POST", SUBMIT, form("title", "Phish", "date", "2026-06-20"),
                "Content-Type", "application/x-www-form-urlencoded");
        HttpResponse<String> referred = server.send("POST", SUBMIT, form("title", "Fine", "date", "2026-06-20"),
                "Content-Type", "application/x-www-form-urlencoded", "Referer", server.origin() + "/doorstep/w/hulme/submit");

        assertThat(page(foreign, 403)).contains("This form could not be sent");
        assertThat(opaque.statusCode()).isEqualTo(403);
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(referred.statusCode()).isEqualTo(200);
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).extracting(event -> event.title()).containsExactly("Fine");
    }

    @Test
    void managePageEditsAndThenWithdrawsAfterConfirmation() {
        String manage = link(ok(suggest("Coffee morning")), server.origin()).substring(server.origin().length() + "/doorstep/".length());

        String edited = ok(post(server, manage, "action", "edit", "title", "Coffee and cake morning", "date", "2026-06-21",
                "startTime", "10:00"));
        assertThat(edited).contains("Your changes are saved", "value=\"Coffee and cake morning\"", "Sunday 21 June 2026, 10:00–11:00");
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).extracting(event -> event.title())
                .containsExactly("Coffee and cake morning");

        String confirm = ok(post(server, manage, "action", "withdraw"));
        assertThat(confirm).contains("Withdraw your suggestion?", "value=\"confirm-withdraw\"");
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).hasSize(1);

        assertThat(ok(post(server, manage, "action", "confirm-withdraw"))).contains("Your suggestion is withdrawn");
        assertThat(doorstep.events().submissions().pendingSubmissions("hulme")).isEmpty();
        assertThat(page(server.get(manage), 404)).contains("This page or link does not work");
    }

    @Test
    void unknownAndMalformedManageLinksGetTheSameFriendly404() {
        String unknown = page(server.get("w/hulme/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 404);
        String malformed = page(server.get("w/hulme/manage/nonsense?lang=cy"), 404);
        assertThat(unknown).contains("This page or link does not work");
        assertThat(malformed).contains("Dydy&#39;r dudalen neu&#39;r ddolen hon ddim yn gweithio");
    }
}
