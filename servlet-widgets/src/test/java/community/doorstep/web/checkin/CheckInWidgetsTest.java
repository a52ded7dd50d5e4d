package community.doorstep.web.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import community.doorstep.Doorstep;
import community.doorstep.access.Capability;
import community.doorstep.checkin.Responder;
import community.doorstep.internal.Sealer;
import community.doorstep.notify.Address;
import community.doorstep.notify.DeliveryException;
import community.doorstep.notify.OutboxEntry;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static community.doorstep.web.testing.ApiAssertions.json;
import static community.doorstep.web.testing.WidgetAssertions.assertPrivate;
import static community.doorstep.web.testing.WidgetAssertions.ok;
import static community.doorstep.web.testing.WidgetAssertions.page;
import static community.doorstep.web.testing.WidgetAssertions.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Check-ins over HTTP: the API, the person's and the responder's pages, private and discreet. */
class CheckInWidgetsTest {
    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    private static final String API = "api/v1/sites/hulme/";
    private static final java.net.URI PUBLIC = java.net.URI.create("https://hulme.example/doorstep/");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private final MutableClock clock = new MutableClock(NOW);
    private Doorstep doorstep;
    private WebServer server;
    private String circleId;

    @BeforeEach
    void start() {
        doorstep = Doorstep.builder().stores(Stores.inMemory()).clock(clock).encryptionKey(Sealer.newKey())
                .publicAddress(PUBLIC).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
        server = WebServer.start(doorstep, "/doorstep");
        circleId = doorstep.checkIns().createCircle("hulme", "Reporting support", List.of(
                new Responder("Ana", Address.email("ana@volunteers.example"), 1)), Duration.ofMinutes(10)).id();
    }

    @AfterEach
    void stop() {
        server.close();
        doorstep.close();
    }

    private static String title(String body) {
        Matcher matcher = TITLE.matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1).toLowerCase();
    }

    private static void assertDiscreet(HttpResponse<String> response) {
        assertPrivate(response);
        assertThat(title(response.body())).doesNotContain("safe", "alert", "danger", "help", "check-in", "emergency");
    }

    private String personLink(String body) {
        Matcher link = Pattern.compile("/doorstep/(w/hulme/checkin/[0-9a-z]{26})").matcher(body);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private List<OutboxEntry> sent(String type) {
        return doorstep.outbox().recent("hulme", 50).stream().filter(e -> e.message().type().equals(type)).toList();
    }

    @Test
    void aCoordinatorCreatesACircleWithTheAdminTokenAndWebhookRespondersGetTheirSecretOnce() {
        String body = "{\"name\": \"No Borders volunteers\", \"escalateAfterMinutes\": 10, \"responders\": ["
                + "{\"name\": \"Ana\", \"email\": \"ana@volunteers.example\"},"
                + "{\"name\": \"Cai\", \"webhook\": \"https://cai.example/hook\", \"tier\": 2}]}";
        HttpResponse<String> refused = server.send("POST", API + "circles", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        assertThat(refused.statusCode()).isEqualTo(403);
        String token = doorstep.access().issue("hulme", Capability.SITE_ADMIN, "hulme");
        HttpResponse<String> created = server.send("POST", API + "circles", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode circle = json(created);
        assertThat(circle.get("id").asText()).isNotBlank();
        assertThat(circle.get("responders").get(1).get("webhookSecret").asText()).startsWith("whsec_");
        assertThat(circle.get("responders").get(0).has("webhookSecret")).isFalse();
        assertThat(created.body()).doesNotContain("ana@volunteers.example");
        assertThat(ok(server.get("w/hulme/checkin/circles/" + token))).contains("No Borders volunteers", "Cai", "webhook",
                "deadlines are being watched");
        String page = "w/hulme/checkin/circles/" + token;
        assertThat(ok(server.send("POST", page, ("action=create&name=Friends&escalateAfter=5&name-1=Dee&email-1=dee%40friends.example"
                + "&tier-1=1&name-2=Eli&email-2=eli%40friends.example&tier-2=2").getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "null"))).contains("The circle is saved.", "Friends", "Eli");
        HttpResponse<String> invalid = server.send("POST", page, "action=create&name=&email-1=nobody".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "null");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Nothing was saved");
        String friends = doorstep.checkIns().circles("hulme").stream().filter(c -> c.name().equals("Friends")).findFirst()
                .orElseThrow().id();
        assertThat(ok(server.send("POST", page, ("action=test&circleId=" + friends).getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "null"))).contains("A test message is on its way");
        assertThat(sent("checkin.test")).extracting(e -> e.message().to().target())
                .containsExactlyInAnyOrder("dee@friends.example", "eli@friends.example");
    }

    @Test
    void aPersonStartsACheckInOnThePageIsAlertedOnTimeAndAResponderAcknowledgesAndSeesThemSafe() {
        HttpResponse<String> form = server.get("w/hulme/checkin");
        assertDiscreet(form);
        HttpResponse<String> started = post(server, "w/hulme/checkin", "nickname", "Sparrow", "inMinutes", "30",
                "graceMinutes", "5", "circle", circleId, "note", "Dallas Court, call the duty solicitor",
                "contactName", "My solicitor", "contactEmail", "solicitor@law.example");
        assertDiscreet(started);
        String mine = personLink(ok(started));
        HttpResponse<String> page = server.get(mine);
        assertDiscreet(page);
        assertThat(page.body()).contains("I&#39;m OK", "I need help now", "15 more minutes", "30 minutes left");

        clock.advance(Duration.ofMinutes(35));
        doorstep.runDueWork();
        List<OutboxEntry> alerts = sent("checkin.alert-missed").stream()
                .filter(e -> e.message().to().target().equals("ana@volunteers.example")).toList();
        assertThat(alerts).hasSize(1);
        assertThat(sent("checkin.alert-missed")).extracting(e -> e.message().to().target())
                .containsExactlyInAnyOrder("ana@volunteers.example", "solicitor@law.example");
        String respond = alerts.get(0).message().text().replaceAll("(?s).*(w/hulme/checkin/respond/[0-9a-z]{26}).*", "$1");
        HttpResponse<String> alert = server.get(respond);
        assertDiscreet(alert);
        assertThat(alert.body()).contains("Sparrow", "Dallas Court", "5 minutes", "Nobody yet", "My solicitor");
        assertThat(ok(post(server, respond, "action", "acknowledge"))).contains("the others know you are on it", "Ana");
        assertThat(ok(post(server, respond, "action", "safe"))).contains("Sparrow is safe");
        assertThat(ok(server.get(mine))).contains("Done. Thank you.");
    }

    @Test
    void theDuressCodeAnswersExactlyLikeCheckingInAndRaisesTheAlert() {
        String plain = personLink(ok(post(server, "w/hulme/checkin", "nickname", "Wren", "inMinutes", "30",
                "graceMinutes", "0", "circle", circleId, "duressPin", "2468")));
        String forced = personLink(ok(post(server, "w/hulme/checkin", "nickname", "Wren", "inMinutes", "30",
                "graceMinutes", "0", "circle", circleId, "duressPin", "2468")));
        String normal = ok(post(server, plain, "action", "ok", "pin", ""));
        String duress = ok(post(server, forced, "action", "ok", "pin", "2468"));
        assertThat(duress.replace(forced, plain)).isEqualTo(normal);
        assertThat(ok(server.get(forced)).replace(forced, plain)).isEqualTo(ok(server.get(plain)));
        assertThat(sent("checkin.alert-duress")).hasSize(1);
        assertThat(sent("checkin.alert-duress").get(0).message().text()).contains("Wren", "duress code");
    }

    @Test
    void aResponderWhoseAddressSaidItIsGoneIsShownOnTheCirclesPageAndATestMessageTriesThemAgain() {
        stop();
        doorstep = Doorstep.builder().stores(Stores.inMemory()).clock(clock).encryptionKey(Sealer.newKey())
                .publicAddress(PUBLIC)
                .notifier(message -> {
                    if (message.to().channel() == Address.Channel.WEBHOOK) {
                        throw DeliveryException.gone("the receiver answered 410 Gone");
                    }
                }).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
        server = WebServer.start(doorstep, "/doorstep");
        String circle = doorstep.checkIns().createCircle("hulme", "Reporting support", List.of(
                new Responder("Ana", Address.email("ana@volunteers.example"), 1),
                new Responder("Cai", Address.webhookWithNewSecret("https://cai.example/hook"), 1)), Duration.ofMinutes(10)).id();
        String page = "w/hulme/checkin/circles/" + doorstep.access().issue("hulme", Capability.SITE_ADMIN, "hulme");
        assertThat(ok(server.get(page))).doesNotContain("said it is gone");

        doorstep.checkIns().testAlert("hulme", circle);
        doorstep.runDueWork();
        assertThat(ok(server.get(page))).containsOnlyOnce("Its address said it is gone, so alerts do not reach them");
        assertThat(ok(server.send("POST", page, ("action=test&circleId=" + circle).getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "null"))).contains("A test message is on its way");
        assertThat(sent("checkin.test")).extracting(e -> e.message().to().target())
                .filteredOn(target -> target.equals("https://cai.example/hook")).hasSize(2);
    }

    @Test
    void aRefusedStartKeepsWhatWasTypedButNeverShowsTheDuressCodeAgain() {
        HttpResponse<String> refused = post(server, "w/hulme/checkin", "nickname", "Wren", "inMinutes", "0",
                "graceMinutes", "0", "circle", circleId, "note", "Dallas Court", "duressPin", "8642",
                "contactName", "My solicitor");
        assertThat(page(refused, 400)).contains("value=\"Wren\"", "Dallas Court").doesNotContain("8642");
        assertDiscreet(refused);
    }

    @Test
    void theApiStartsACheckInInMinutesAndItsLinkChecksIn() {
        String body = "{\"nickname\": \"Sparrow\", \"note\": \"note\", \"circle\": \"" + circleId
                + "\", \"inMinutes\": 45, \"graceMinutes\": 10}";
        HttpResponse<String> created = server.send("POST", API + "checkins", body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode started = json(created);
        assertThat(started.get("deadline").asText()).isEqualTo(NOW.plus(Duration.ofMinutes(55)).toString());
        assertThat(created.body()).doesNotContain("Sparrow", "note");
        HttpResponse<String> checkedIn = server.send("POST", API + "checkins/" + started.get("token").asText() + "/ok",
                "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertThat(json(checkedIn).get("state").asText()).isEqualTo("ended");
        HttpResponse<String> bad = server.send("POST", API + "checkins", ("{\"nickname\": \"Sparrow\", \"circle\": \""
                + circleId + "\"}").getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("dueAt").doesNotContain("Sparrow");
    }

    @Test
    void aWeeklyCheckInStartedForADayOnTheFormMovesToNextWeekWhenTheyAreOkAndStopsWhenAsked() {
        // Tuesday 3 March 2026, 09:00 in London
        String mine = personLink(ok(post(server, "w/hulme/checkin", "nickname", "Sparrow", "backBy", "10:00",
                "day", "TUESDAY", "weekly", "1", "graceMinutes", "5", "circle", circleId,
                "note", "Reporting at Dallas Court")));
        assertThat(ok(server.get(mine))).contains("Tuesday 3 March, 10:00", "Every week, on the same day",
                "Stop these check-ins");

        clock.set(Instant.parse("2026-03-03T10:02:00Z"));
        String after = ok(post(server, mine, "action", "ok", "pin", ""));
        assertThat(after).contains("Your next time is below", "Tuesday 10 March, 10:00");
        assertThat(ok(post(server, mine, "action", "stop"))).contains("Done. Thank you.");
        assertThat(sent("checkin.alert-missed")).isEmpty();
    }

    @Test
    void aSiteThatSendsTextsTakesPhoneNumbersForRespondersAndRemindersAndOneThatDoesNotSaysWhichField() {
        String token = doorstep.access().issue("hulme", Capability.SITE_ADMIN, "hulme");
        String circle = "{\"name\": \"By text\", \"responders\": [{\"name\": \"Dee\", \"sms\": \"07700 900111\"}]}";
        HttpResponse<String> refused = server.send("POST", API + "circles", circle.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Authorization", "Bearer " + token);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("responders.0.sms").doesNotContain("900111");

        String gateway = "{\"kind\": \"twilio\", \"secret\": \"twilio-auth-token\", \"account\": \"AC0123\","
                + " \"from\": \"+447700900000\"}";
        assertThat(server.send("POST", API + "sms-gateway", gateway.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Authorization", "Bearer " + token).statusCode()).isEqualTo(204);
        HttpResponse<String> created = server.send("POST", API + "circles", circle.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).isEqualTo(201);
        String checkIn = "{\"nickname\": \"Sparrow\", \"circle\": \"" + json(created).get("id").asText()
                + "\", \"inMinutes\": 45, \"reminderSms\": \"07700 900222\", \"weekly\": true}";
        HttpResponse<String> started = server.send("POST", API + "checkins", checkIn.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        assertThat(started.statusCode()).isEqualTo(201);
        HttpResponse<String> state = server.send("POST", API + "checkins/" + json(started).get("token").asText()
                + "/extend", "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertThat(json(state).get("weekly").asBoolean()).isTrue();
        assertThat(ok(server.get("w/hulme/checkin"))).contains("Email or mobile number for a reminder");
        assertThat(ok(server.get("w/hulme/checkin/circles/" + token))).contains("Email address or mobile number",
                "text message");
    }
}
