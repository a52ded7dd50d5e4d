package community.doorstep.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import community.doorstep.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookNotifierTest {
    private static final Instant CREATED = Instant.parse("2026-03-02T10:15:30Z");
    private static final String TEXT = "A new suggestion is waiting: Coffee morning at the Zion Centre.";

    /** What the receiving end saw of one request. */
    private record Received(String method, Map<String, String> headers, String body) {
    }

    private final MutableClock clock = new MutableClock(CREATED.plusSeconds(20));
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final String secret = WebhookSignature.newSecret();
    private volatile int status = 204;
    private HttpServer server;
    private String url;
    private WebhookNotifier notifier;

    @BeforeEach
    void startReceiver() throws IOException {
        // loopback only: nothing in this test leaves the machine
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/doorstep", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new HashMap<>();
            for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature", "content-type")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            received.add(new Received(exchange.getRequestMethod(), headers, new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/doorstep";
        notifier = new WebhookNotifier(Duration.ofSeconds(5), Set.of("127.0.0.1"), clock);
    }

    @AfterEach
    void stopReceiver() {
        notifier.close();
        server.stop(0);
    }

    private Message message() {
        return new Message(Message.newId(), "hulme", Address.webhook(url, secret), "event.suggestion.received", "en",
                "New event suggestion", TEXT, Map.of("eventId", "ev_1", "organisationId", "zion-centre"), CREATED);
    }

    @Test
    void postsSignedJsonTheReceiverCanVerify() throws Exception {
        Message message = message();

        notifier.send(message);

        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().get("content-type")).startsWith("application/json");
        assertThat(request.headers().get("webhook-id")).isEqualTo(message.id());
        long timestamp = Long.parseLong(request.headers().get("webhook-timestamp"));
        assertThat(timestamp).isEqualTo(clock.instant().getEpochSecond());
        assertThat(WebhookSignature.verify(secret, request.headers().get("webhook-id"), timestamp, request.body(),
                request.headers().get("webhook-signature"), clock)).isTrue();

        JsonNode json = new ObjectMapper().readTree(request.body());
        assertThat(json.get("type").asText()).isEqualTo("event.suggestion.received");
        assertThat(json.get("timestamp").asText()).isEqualTo(CREATED.toString());
        assertThat(json.get("data").get("eventId").asText()).isEqualTo("ev_1");
        assertThat(json.get("data").get("organisationId").asText()).isEqualTo("zion-centre");
        assertThat(json.get("data").get("subject").asText()).isEqualTo("New event suggestion");
        assertThat(json.get("data").get("text").asText()).isEqualTo(TEXT);
    }

    @Test
    void aResendKeepsTheWebhookIdAndIsSignedAgain() {
        Message message = message();

        notifier.send(message);
        clock.advance(Duration.ofMinutes(3));
        notifier.send(message);

        assertThat(received).hasSize(2);
        Received first = received.get(0);
        Received second = received.get(1);
        assertThat(second.headers().get("webhook-id")).isEqualTo(first.headers().get("webhook-id"))
                .isEqualTo(message.id());
        assertThat(second.body()).isEqualTo(first.body());
        long secondTimestamp = Long.parseLong(second.headers().get("webhook-timestamp"));
        assertThat(secondTimestamp).isEqualTo(Long.parseLong(first.headers().get("webhook-timestamp")) + 180);
        assertThat(WebhookSignature.verify(secret, message.id(), secondTimestamp, second.body(),
                second.headers().get("webhook-signature"), clock)).isTrue();
    }

    @Test
    void goneIsPermanent() {
        status = 410;

        assertThatThrownBy(() -> notifier.send(message()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("the webhook endpoint answered 410 Gone");
                });
    }

    @Test
    void aServerErrorIsWorthRetrying() {
        status = 500;

        assertThatThrownBy(() -> notifier.send(message()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("500").doesNotContain(url).doesNotContain(secret);
                });
        assertThat(received).hasSize(1);
    }

    @Test
    void aLocalAddressThatIsNotTrustedIsRefusedWithoutARequest() {
        try (WebhookNotifier guarded = new WebhookNotifier(Duration.ofSeconds(5), Set.of(), clock)) {
            assertThatThrownBy(() -> guarded.send(message()))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> {
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.getMessage()).doesNotContain(url);
                    });
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aChannelWithoutANotifierFailsPermanently() {
        Notifier webhooksOnly = Notifier.byChannel(null, notifier);
        Message email = new Message(Message.newId(), "hulme", Address.email("coordinator@hulme.example"),
                "event.suggestion.received", null, "New event suggestion", TEXT, null, CREATED);

        assertThatThrownBy(() -> webhooksOnly.send(email))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("no notifier for email is configured");
                });
        webhooksOnly.send(message());
        assertThat(received).hasSize(1);
    }

    @Test
    void toStringShowsNeitherTargetNorSecretNorText() {
        Message message = message();

        assertThat(message.toString())
                .contains(message.id(), "hulme", "WEBHOOK", "event.suggestion.received")
                .doesNotContain(url).doesNotContain("127.0.0.1").doesNotContain(secret)
                .doesNotContain(TEXT).doesNotContain("zion-centre");
        assertThat(message.to().toString()).doesNotContain(url).doesNotContain(secret);
    }
}
