package community.doorstep.web.checkin;

import community.doorstep.Doorstep;
import community.doorstep.checkin.CheckInPlan;
import community.doorstep.checkin.CheckInState;
import community.doorstep.checkin.Responder;
import community.doorstep.checkin.SmsGateway;
import community.doorstep.checkin.Started;
import community.doorstep.internal.Sealer;
import community.doorstep.notify.Address;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import community.doorstep.web.testing.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbound SMS hook: signed texts act, unsigned or wrongly signed ones are refused, and the reply gives nothing away. */
class SmsHookTest {
    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    private static final String HOOK = "hooks/sms/hulme";
    private final MutableClock clock = new MutableClock(NOW);
    private Doorstep doorstep;
    private WebServer server;
    private String circleId;

    @BeforeEach
    void start() {
        open(Doorstep.builder().publicAddress(URI.create("https://hulme.example/doorstep/")));
    }

    private void open(Doorstep.Builder builder) {
        doorstep = builder.stores(Stores.inMemory()).clock(clock).encryptionKey(Sealer.newKey()).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
        server = WebServer.start(doorstep, "/doorstep");
        circleId = doorstep.checkIns().createCircle("hulme", "Volunteers", List.of(
                new Responder("Ana", Address.email("ana@volunteers.example"), 1)), Duration.ofMinutes(10)).id();
    }

    @AfterEach
    void stop() {
        server.close();
        doorstep.close();
    }

    private Started linkedCheckIn() {
        Started started = doorstep.checkIns().start("hulme", new CheckInPlan("Sparrow", "note", circleId,
                NOW.plus(Duration.ofHours(1)), 0, null, null));
        doorstep.checkIns().linkNumber("hulme", started.token(), "07700 900123");
        return started;
    }

    private CheckInState state(Started started) {
        return doorstep.checkIns().checkIn("hulme", started.token()).state();
    }

    /** A Twilio-style post, signed here with the JDK's own HMAC as Twilio documents it. */
    private HttpResponse<String> twilio(String token, Map<String, String> parameters, boolean sign) throws Exception {
        return twilio(server.uri(HOOK).toString(), token, parameters, sign);
    }

    /** As {@link #twilio(String, Map, boolean)}, signed for the given address. */
    private HttpResponse<String> twilio(String url, String token, Map<String, String> parameters, boolean sign) throws Exception {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        StringBuilder body = new StringBuilder();
        parameters.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return sign
                ? server.send("POST", HOOK, body.toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", signature)
                : server.send("POST", HOOK, body.toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void aTwilioTextFromTheLinkedNumberChecksInAndEveryReplyIsTheSameNeutralWord() throws Exception {
        doorstep.checkIns().saveSmsGateway(new SmsGateway("hulme", SmsGateway.Kind.TWILIO, "twilio-auth-token"));
        Started started = linkedCheckIn();

        HttpResponse<String> unsigned = twilio("twilio-auth-token", Map.of("From", "+447700900123", "Body", "IN"), false);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<String> forged = twilio("another-token", Map.of("From", "+447700900123", "Body", "IN"), true);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(state(started)).isEqualTo(CheckInState.WAITING);

        HttpResponse<String> stranger = twilio("twilio-auth-token", Map.of("From", "+447700900999", "Body", "SOS"), true);
        HttpResponse<String> sos = twilio("twilio-auth-token", Map.of("From", "+447700900123", "Body", "sos"), true);
        assertThat(state(started)).isEqualTo(CheckInState.ALERTED);
        HttpResponse<String> in = twilio("twilio-auth-token", Map.of("From", "+447700900123", "Body", "In"), true);
        assertThat(state(started)).isEqualTo(CheckInState.SAFE);
        for (HttpResponse<String> reply : List.of(stranger, sos, in)) {
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Noted.</Message></Response>");
        }
    }

    @Test
    void behindAProxyATextSignedForThePublicAddressTheHostNamedIsTakenAndOneForAnotherIsNot() throws Exception {
        stop();
        open(Doorstep.builder().publicAddress(URI.create("https://hulme.example/doorstep/")));
        doorstep.checkIns().saveSmsGateway(new SmsGateway("hulme", SmsGateway.Kind.TWILIO, "twilio-auth-token"));
        Started started = linkedCheckIn();

        HttpResponse<String> elsewhere = twilio("https://elsewhere.example/doorstep/" + HOOK, "twilio-auth-token",
                Map.of("From", "+447700900123", "Body", "IN"), true);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(state(started)).isEqualTo(CheckInState.WAITING);
        HttpResponse<String> viaTheProxy = twilio("https://hulme.example/doorstep/" + HOOK, "twilio-auth-token",
                Map.of("From", "+447700900123", "Body", "IN"), true);
        assertThat(viaTheProxy.statusCode()).isEqualTo(200);
        assertThat(state(started)).isEqualTo(CheckInState.SAFE);
    }

    @Test
    void anAndroidSmsGatewayTextIsTakenOnlyWhenSignedAndFresh() throws Exception {
        doorstep.checkIns().saveSmsGateway(new SmsGateway("hulme", SmsGateway.Kind.ANDROID_SMS_GATEWAY, "signing-key"));
        Started started = linkedCheckIn();
        String body = "{\"event\":\"sms:received\",\"payload\":{\"message\":\"9\",\"phoneNumber\":\"+447700900123\"}}";
        String timestamp = String.valueOf(NOW.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("signing-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((body + timestamp).getBytes(StandardCharsets.UTF_8)));

        clock.advance(Duration.ofMinutes(6));
        assertThat(server.send("POST", HOOK, body.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                "X-Signature", signature, "X-Timestamp", timestamp).statusCode()).as("a replay").isEqualTo(401);
        clock.set(NOW);
        assertThat(server.send("POST", HOOK, body.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json")
                .statusCode()).isEqualTo(401);
        assertThat(state(started)).isEqualTo(CheckInState.WAITING);
        assertThat(server.send("POST", HOOK, body.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                "X-Signature", signature, "X-Timestamp", timestamp).statusCode()).isEqualTo(200);
        assertThat(state(started)).isEqualTo(CheckInState.ALERTED);
    }

    @Test
    void aSiteWithoutAGatewayTakesNoTexts() throws Exception {
        assertThat(twilio("x", Map.of("From", "+447700900123", "Body", "IN"), true).statusCode()).isEqualTo(404);
    }
}
