package community.doorstep.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import community.doorstep.DoorstepException;
import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedHttpTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private int port;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", counted(exchange -> {
            exchange.getResponseHeaders().add("X-Doorstep-Test", "first");
            exchange.getResponseHeaders().add("X-Doorstep-Test", "second");
            answer(exchange, 200, HELLO);
        }));
        server.createContext("/big", counted(exchange -> answer(exchange, 200, new byte[4096])));
        server.createContext("/moved", counted(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        }));
        server.createContext("/echo", counted(exchange -> {
            byte[] received;
            try (InputStream in = exchange.getRequestBody()) {
                received = in.readAllBytes();
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            String echoed = exchange.getRequestMethod() + " " + type + " " + new String(received, StandardCharsets.UTF_8);
            answer(exchange, 200, echoed.getBytes(StandardCharsets.UTF_8));
        }));
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "198.18.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255", "fd00::1", "fe80::1",
            "::ffff:10.0.0.1", "64:ff9b::a00:1", "64:ff9b:1::808:808", "2002:0a00:0001::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1"})
    void privateLocalAndReservedAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(GuardedHttp.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void anIpv4CompatibleAddressIsRefused() throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[12] = 127;
        bytes[15] = 1;
        assertThat(GuardedHttp.isPrivate(InetAddress.getByAddress(bytes))).isTrue();
    }

    // NAT64 and 6to4 are judged by the IPv4 address they embed, so these public ones pass.
    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "2a00:1450:4009:81f::200e", "64:ff9b::808:808", "2002:0808:0808::1"})
    void publicAddressesAreAccepted(String address) throws UnknownHostException {
        assertThat(GuardedHttp.isPrivate(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void aLoopbackServerIsRefusedUnlessTrusted(String host) {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            assertThatThrownBy(() -> get(http, "http://" + host + ":" + port + "/", Set.of()))
                    .hasMessage("url points at a private or local network address (" + host + "), which feeds may not use")
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldError("url", "public-address",
                                    "url points at a private or local network address (" + host
                                            + "), which feeds may not use")));
            assertThat(requests).hasValue(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void aTrustedLoopbackServerIsReached(String host) {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            GuardedHttp.Answer answer = get(http, "http://" + host + ":" + port + "/", Set.of(host));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(HELLO);
            assertThat(requests).hasValue(1);
        }
    }

    @Test
    void trustIsMatchedWithoutRegardToCase() {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            assertThat(get(http, "http://LocalHost:" + port + "/", Set.of("localhost")).status()).isEqualTo(200);
        }
    }

    @Test
    void trustForOnePortIsNotTrustForAnother() {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            assertThat(get(http, "http://127.0.0.1:" + port + "/", Set.of("127.0.0.1:" + port)).status()).isEqualTo(200);
            assertThatThrownBy(() -> get(http, "http://127.0.0.1:" + port + "/", Set.of("127.0.0.1:" + (port + 1))))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(GuardedHttp.isTrusted(URI.create("https://calendar.example/feed"), Set.of("calendar.example:443"))).isTrue();
        assertThat(GuardedHttp.isTrusted(URI.create("http://calendar.example/feed"), Set.of("calendar.example:443"))).isFalse();
    }

    @Test
    void trustGivenToOneRequestDoesNotCarryOverToTheNext() {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            assertThat(get(http, "http://127.0.0.1:" + port + "/", Set.of("127.0.0.1")).status()).isEqualTo(200);
            assertThatThrownBy(() -> get(http, "http://127.0.0.1:" + port + "/", Set.of()))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(requests).hasValue(1);
        }
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAfterOneLookup() {
        AtomicInteger lookups = new AtomicInteger();
        GuardedHttp.Lookup loopback = host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {loopbackAddress()};
        };
        try (GuardedHttp http = new GuardedHttp(TIMEOUT, loopback)) {
            assertThatThrownBy(() -> get(http, "http://calendar.example:" + port + "/", Set.of()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("(calendar.example)");
        }
        assertThat(requests).hasValue(0);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void theConnectionGoesToTheAddressThatWasLookedUp() {
        // calendar.example has no address in real DNS: reaching the server proves no second lookup was made.
        AtomicInteger lookups = new AtomicInteger();
        GuardedHttp.Lookup loopback = host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {loopbackAddress()};
        };
        try (GuardedHttp http = new GuardedHttp(TIMEOUT, loopback)) {
            GuardedHttp.Answer answer = get(http, "http://calendar.example:" + port + "/", Set.of("calendar.example"));
            assertThat(answer.body()).isEqualTo(HELLO);
        }
        assertThat(requests).hasValue(1);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void onePrivateAddressAmongPublicOnesRefusesTheHost() {
        // Refused before any connection, so nothing is ever sent to the public address.
        GuardedHttp.Lookup mixed = host -> new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}), loopbackAddress()};
        try (GuardedHttp http = new GuardedHttp(TIMEOUT, mixed)) {
            assertThatThrownBy(() -> get(http, "http://calendar.example:" + port + "/", Set.of()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("private or local network address");
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void anUnknownHostIsReportedByName() {
        GuardedHttp.Lookup nowhere = host -> {
            throw new UnknownHostException(host);
        };
        try (GuardedHttp http = new GuardedHttp(TIMEOUT, nowhere)) {
            assertThatThrownBy(() -> get(http, "http://calendar.example/secret-token", Set.of()))
                    .isInstanceOf(DoorstepException.class)
                    .isNotInstanceOf(InvalidInputException.class)
                    .hasMessage("the feed's host calendar.example is not known");
        }
    }

    @Test
    void aFailedConnectionIsReportedWithoutThePath() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            assertThatThrownBy(() -> get(http, "http://127.0.0.1:" + closedPort + "/private?token=secret",
                    Set.of("127.0.0.1")))
                    .isInstanceOf(DoorstepException.class)
                    .hasMessageStartingWith("could not fetch http://127.0.0.1/…: ")
                    .hasMessageNotContaining("secret");
        }
    }

    @Test
    void aBodyOverTheCapFails() {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            assertThatThrownBy(() -> http.send("GET", URI.create("http://127.0.0.1:" + port + "/big"), Map.of(), null,
                    Set.of("127.0.0.1"), 1000))
                    .isInstanceOf(DoorstepException.class)
                    .hasMessageContaining("larger than 1000 bytes");
        }
    }

    @Test
    void aBodyExactlyAtTheCapIsAccepted() {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            GuardedHttp.Answer answer = http.send("GET", URI.create("http://127.0.0.1:" + port + "/big"), Map.of(), null,
                    Set.of("127.0.0.1"), 4096);
            assertThat(answer.body()).hasSize(4096);
        }
    }

    @Test
    void headersAreFoundByAnyCaseWithTheirFirstValue() {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            GuardedHttp.Answer answer = get(http, "http://127.0.0.1:" + port + "/", Set.of("127.0.0.1"));
            assertThat(answer.header("x-DOORSTEP-test")).contains("first");
            assertThat(answer.headers().get("X-DOORSTEP-TEST")).isEqualTo("first");
            assertThat(answer.header("content-length")).contains("5");
            assertThat(answer.header("X-Not-Sent")).isEmpty();
        }
    }

    @Test
    void redirectsAreNotFollowed() {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            GuardedHttp.Answer answer = get(http, "http://127.0.0.1:" + port + "/moved", Set.of("127.0.0.1"));
            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.header("location")).contains("http://127.0.0.1:" + port + "/");
        }
        assertThat(requests).hasValue(1);
    }

    @Test
    void aBodyAndHeadersAreSent() {
        try (GuardedHttp http = new GuardedHttp(TIMEOUT)) {
            GuardedHttp.Answer answer = http.send("POST", URI.create("http://127.0.0.1:" + port + "/echo"),
                    Map.of("Content-Type", "application/json"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                    Set.of("127.0.0.1"), 1000);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("POST application/json {\"a\":1}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://calendar.example/feed.ics", "http:calendar.example", "http:///feed.ics"})
    void onlyHttpAddressesWithAHostAreAccepted(String address) {
        assertThatThrownBy(() -> GuardedHttp.requireHttp(URI.create(address)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("url"));
    }

    @Test
    void answersKeepTheirHeadersFindableByAnyCase() {
        GuardedHttp.Answer answer = new GuardedHttp.Answer(200, Map.of("ETag", "\"1\""), null);
        assertThat(answer.header("etag")).contains("\"1\"");
        assertThat(answer.body()).isEmpty();
        assertThat(answer.headers().keySet()).containsExactly("ETag");
    }

    private static GuardedHttp.Answer get(GuardedHttp http, String address, Set<String> trustedHosts) {
        return http.send("GET", URI.create(address), Map.of(), null, trustedHosts, 1024 * 1024);
    }

    private static InetAddress loopbackAddress() throws UnknownHostException {
        return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    }

    private HttpHandler counted(HttpHandler handler) {
        return exchange -> {
            requests.incrementAndGet();
            handler.handle(exchange);
        };
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
