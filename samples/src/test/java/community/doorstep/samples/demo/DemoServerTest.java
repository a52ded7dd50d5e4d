package community.doorstep.samples.demo;

import community.doorstep.access.Capability;
import community.doorstep.events.EventQuery;
import community.doorstep.events.EventSubmission;
import community.doorstep.events.Occurrence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoServerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    private List<Occurrence> nextFourWeeks(DemoServer demo) {
        Instant from = Instant.parse("2026-11-24T00:00:00Z");
        return demo.doorstep().events().calendar().queryAll(EventQuery.window(DemoServer.SITE, from, from.plusSeconds(28 * 86_400L)));
    }

    @Test
    void everyGroupsCalendarIsImportedOverHttpFromTheDemosOwnFeeds() throws Exception {
        try (DemoServer demo = DemoServer.start("127.0.0.1", 0, data, CLOCK)) {
            List<Occurrence> occurrences = nextFourWeeks(demo);
            Set<String> groups = occurrences.stream().map(o -> o.event().organisationId()).collect(Collectors.toSet());
            assertThat(groups).hasSize(DemoGroups.GROUPS.size());
            assertThat(occurrences).extracting(o -> o.event().title()).contains("Community lunch club", "Repair café",
                    "Taith gerdded Gymraeg: Welsh-speaking walk");
            // the walkers' calendar says its Welsh walk is in Welsh, and the import keeps that
            assertThat(occurrences).filteredOn(o -> o.event().title().startsWith("Taith"))
                    .extracting(o -> o.event().language()).containsOnly("cy");
            assertThat(occurrences).filteredOn(o -> o.event().title().equals("Community lunch club"))
                    .extracting(o -> o.event().language()).containsOnlyNulls();
            assertThat(demo.doorstep().events().feeds().feedStatus(DemoServer.SITE, "lunch-club").orElseThrow().lastError()).isNull();

            HttpResponse<String> api = http.send(HttpRequest.newBuilder(
                    demo.base().resolve("/doorstep/api/v1/sites/hulme/events?from=2026-11-24&to=2026-12-01")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("Community lunch club");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(demo.base()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Hulme Community Partnership", "/doorstep/w/hulme/events");
            assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(demo.welcome()).anyMatch(line -> line.contains(demo.adminToken()));
        }
    }

    @Test
    void dataSurviveARestartAndEachStartHasANewAdminToken() throws Exception {
        String firstToken;
        String suggestionId;
        try (DemoServer demo = DemoServer.start("127.0.0.1", 0, data, CLOCK)) {
            firstToken = demo.adminToken();
            suggestionId = demo.doorstep().events().submissions().submit(DemoServer.SITE, new EventSubmission("Street party", null,
                    LocalDate.of(2026, 12, 5), null, null, "Royce Road", null, null, null, null)).event().id();
        }
        try (DemoServer demo = DemoServer.start("127.0.0.1", 0, data, CLOCK)) {
            assertThat(demo.doorstep().events().submissions().pendingSubmissions(DemoServer.SITE)).extracting(e -> e.id()).containsExactly(suggestionId);
            assertThat(demo.doorstep().sites().organisations(DemoServer.SITE)).hasSize(DemoGroups.GROUPS.size());
            assertThat(demo.adminToken()).isNotEqualTo(firstToken);
            assertThat(demo.doorstep().access().find(DemoServer.SITE, Capability.SITE_ADMIN, firstToken)).isEmpty();
            assertThat(demo.doorstep().access().find(DemoServer.SITE, Capability.SITE_ADMIN, demo.adminToken())).isPresent();
            assertThat(nextFourWeeks(demo)).isNotEmpty();
        }
    }

    private HttpResponse<String> get(DemoServer demo, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(demo.base().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(DemoServer demo, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(demo.base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", demo.base().toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNewcomerSeesEventsInBothLanguagesSubscribesSuggestsAnEventAndApprovesIt() throws Exception {
        try (DemoServer demo = DemoServer.start("127.0.0.1", 0, data, CLOCK)) {
            HttpResponse<String> english = get(demo, "/doorstep/w/hulme/events");
            assertThat(english.statusCode()).isEqualTo(200);
            assertThat(english.body()).contains("Community lunch club", "lang=\"en");
            HttpResponse<String> welsh = get(demo, "/doorstep/w/hulme/events?lang=cy");
            assertThat(welsh.body()).contains("lang=\"cy", "Taith gerdded Gymraeg");
            assertThat(welsh.body()).contains("webcal://");
            assertThat(get(demo, "/doorstep/feeds/hulme/events.ics").body()).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Community lunch club");

            HttpResponse<String> submitted = post(demo, "/doorstep/w/hulme/submit",
                    "title=Street+party&date=2026-12-05&startTime=14%3A00&place=Royce+Road");
            assertThat(submitted.statusCode()).isEqualTo(200);
            assertThat(submitted.body()).contains("/doorstep/w/hulme/manage/");
            assertThat(get(demo, "/doorstep/w/hulme/events?from=2026-12-05").body()).doesNotContain("Street party");
            // the coordinators are told, through the outbox and due work, by mail to the demo's own server
            DemoMail.Received told = awaitMail(demo);
            assertThat(told.to()).isEqualTo(DemoServer.COORDINATORS);
            assertThat(told.subject()).isEqualTo("Hulme Community Partnership: a new event suggestion, “Street party”");
            HttpResponse<String> outbox = get(demo, "/outbox");
            assertThat(outbox.body()).contains("a new event suggestion, “Street party”", "delivered");
            assertThat(outbox.headers().firstValue("Set-Cookie")).isEmpty();

            String id = demo.doorstep().events().submissions().pendingSubmissions(DemoServer.SITE).get(0).id();
            HttpResponse<String> approved = post(demo, "/doorstep/w/hulme/admin/" + demo.adminToken(), "action=approve&eventId=" + id);
            assertThat(approved.statusCode()).isEqualTo(200);
            assertThat(approved.body()).contains("Street party");
            assertThat(get(demo, "/doorstep/w/hulme/events?from=2026-12-05").body()).contains("Street party");
            assertThat(english.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    /** The first mail the demo's server takes; due work delivers within a second or so. */
    private static DemoMail.Received awaitMail(DemoServer demo) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (demo.mail().received().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(demo.mail().received()).as("mail the demo sent").isNotEmpty();
        return demo.mail().received().get(0);
    }

    @Test
    void theHelpBoardIsSeededInHulmeAndAResidentClaimsStraightAwayAndTheGiverIsToldByMail() throws Exception {
        try (DemoServer demo = DemoServer.start("127.0.0.1", 0, data, CLOCK)) {
            String board = get(demo, "/doorstep/w/hulme/help").body();
            // the demo's clock is a Tuesday morning: tonight's surplus is available today, Thursday's meals later
            assertThat(board).contains("Hot meals", "12 of 12 left", "Every Thursday, 17:00 to 18:30",
                    "Surplus bread and veg", "Lifts to the GP", "A befriending phone call", "A hot meal this week",
                    "Help with the weekly shop");
            assertThat(board.indexOf("Surplus bread and veg")).isLessThan(board.indexOf("Hot meals"));
            String offer = java.util.regex.Pattern.compile("href=\"(/doorstep/w/hulme/help/offers/[^\"?]+)[^\"]*\">Hot meals")
                    .matcher(board).results().findFirst().orElseThrow().group(1);
            HttpResponse<String> claimed = post(demo, offer, "quantity=2&name=Sam&email=sam%40residents.example");
            assertThat(claimed.statusCode()).isEqualTo(200);
            assertThat(claimed.body()).contains("Held for you", "/help/manage/");
            assertThat(get(demo, "/doorstep/w/hulme/help").body()).contains("10 of 12 left");
            DemoMail.Received told = awaitMail(demo);
            assertThat(told.to()).isEqualTo("kitchen@taphouse.example");
            assertThat(told.text()).contains("Sam would like 2").doesNotContain("sam@residents.example");
        }
        // a second start seeds nothing twice
        try (DemoServer demo = DemoServer.start("127.0.0.1", 0, data, CLOCK)) {
            assertThat(demo.doorstep().help().board(DemoServer.SITE, "meals", null)).hasSize(1);
        }
    }

    /** The first mail the demo sent whose text holds the words, waited for as it is delivered. */
    private static DemoMail.Received awaitMailContaining(DemoServer demo, String words) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (DemoMail.Received mail : demo.mail().received()) {
                if (mail.text().contains(words)) {
                    return mail;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail holding " + words + " arrived");
    }

    @Test
    void noTokenOrContactReachesTheLogsInAWholeRun() throws Exception {
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        List<String> secrets = new java.util.ArrayList<>();
        try (DemoServer demo = DemoServer.start("127.0.0.1", 0, data, CLOCK)) {
            secrets.add(demo.adminToken());
            HttpResponse<String> submitted = post(demo, "/doorstep/w/hulme/submit",
                    "title=Street+party&date=2026-12-05&startTime=14%3A00&place=Royce+Road");
            java.util.regex.Matcher manage = java.util.regex.Pattern.compile("/manage/([0-9a-z]{26})").matcher(submitted.body());
            assertThat(manage.find()).isTrue();
            secrets.add(manage.group(1));
            awaitMail(demo);
            get(demo, "/doorstep/w/hulme/manage/" + manage.group(1));
            get(demo, "/doorstep/w/hulme/admin/" + demo.adminToken());
            get(demo, "/doorstep/w/hulme/manage/" + manage.group(1) + "x");
            post(demo, "/doorstep/w/hulme/admin/" + demo.adminToken(), "action=nonsense");
            String offer = demo.doorstep().help().board(DemoServer.SITE, "meals", null).get(0).id();
            HttpResponse<String> claimed = post(demo, "/doorstep/w/hulme/help/offers/" + offer,
                    "quantity=1&name=Sam&email=sam%40residents.example&phone=07700+900456");
            java.util.regex.Matcher claim = java.util.regex.Pattern.compile("/help/manage/([0-9a-z]{26})")
                    .matcher(claimed.body());
            assertThat(claim.find()).isTrue();
            secrets.add(claim.group(1));
            post(demo, "/doorstep/w/hulme/help/manage/" + claim.group(1), "action=write&text=Knock+at+flat+4");
            post(demo, "/doorstep/w/hulme/help/offers/" + offer, "quantity=99&name=Jo&email=jo%40residents.example");
            secrets.addAll(List.of("sam@residents.example", "07700 900456", "Knock at flat 4", "jo@residents.example",
                    "kitchen@taphouse.example"));
            // a whole check-in: started with a nickname, a note and a reminder address, help asked for, acknowledged
            // by a responder from the alert's link, seen safe
            String form = get(demo, "/doorstep/w/hulme/checkin").body();
            String circle = form.replaceAll("(?s).*<select id=\"circle\"[^>]*>\\s*<option value=\"([^\"]+)\".*", "$1");
            HttpResponse<String> started = post(demo, "/doorstep/w/hulme/checkin", "nickname=Kestrel&inMinutes=30"
                    + "&graceMinutes=5&circle=" + circle + "&note=Dallas+Court+room+3&reminderEmail=kestrel%40person.example"
                    + "&duressPin=8642");
            java.util.regex.Matcher mine = java.util.regex.Pattern.compile("/checkin/([0-9a-z]{26})").matcher(started.body());
            assertThat(mine.find()).isTrue();
            secrets.add(mine.group(1));
            post(demo, "/doorstep/w/hulme/checkin/" + mine.group(1), "action=sos");
            java.util.regex.Matcher respond = java.util.regex.Pattern.compile("/checkin/respond/([0-9a-z]{26})")
                    .matcher(awaitMailContaining(demo, "Kestrel").text());
            assertThat(respond.find()).isTrue();
            secrets.add(respond.group(1));
            post(demo, "/doorstep/w/hulme/checkin/respond/" + respond.group(1), "action=acknowledge");
            post(demo, "/doorstep/w/hulme/checkin/respond/" + respond.group(1), "action=safe");
            post(demo, "/doorstep/w/hulme/checkin/" + mine.group(1), "action=ok&pin=8642");
            secrets.addAll(List.of("Kestrel", "Dallas Court room 3", "kestrel@person.example", "8642"));
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertThat(logged).as("the run logged something, or this test proves nothing").isNotBlank();
        secrets.add(DemoServer.COORDINATORS);
        for (String secret : secrets) {
            assertThat(logged).doesNotContain(secret);
        }
    }

    /** Sends a raw request (the JDK's client refuses some of these) and returns the answer's head and body. */
    private static String raw(DemoServer demo, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(demo.base().getHost(), demo.base().getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsJettyRefusesItselfAreAnsweredByAcceptToo() throws Exception {
        try (DemoServer demo = DemoServer.start("127.0.0.1", 0, data, CLOCK)) {
            // Jetty refuses these before it has read the headers, so nothing says who asks or in which language:
            // the friendly page, in English, with the security headers, never Jetty's own page
            String badPath = raw(demo, "GET /doorstep/w/hulme/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(badPath).startsWith("HTTP/1.1 400").contains("Content-Type: text/html",
                    "X-Content-Type-Options: nosniff", "<html lang=\"en\"", "Something in the address is not right")
                    .doesNotContain("HTTP ERROR");
            String headersTooLarge = raw(demo, "GET /doorstep/w/hulme/events HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n");
            assertThat(headersTooLarge).startsWith("HTTP/1.1 431").contains("Content-Type: text/html", "Too much text",
                    "X-Content-Type-Options: nosniff").doesNotContain("HTTP ERROR");

            String uriTooLong = raw(demo, "GET /doorstep/w/hulme/events?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(uriTooLong).startsWith("HTTP/1.1 414").contains("X-Content-Type-Options: nosniff")
                    .doesNotContain("HTTP ERROR");
        }
    }

    @Test
    void theGroupsCalendarsFollowToday() {
        LocalDate today = LocalDate.of(2027, 5, 3);
        for (DemoGroups.Group group : DemoGroups.GROUPS) {
            assertThat(DemoGroups.calendar(group, today)).anySatisfy(event ->
                    assertThat(event.time().start().toLocalDate()).isAfter(today.plusDays(7)));
        }
    }
}
