package community.doorstep.events.ical;

import com.sun.net.httpserver.HttpServer;
import community.doorstep.DoorstepException;
import community.doorstep.InvalidInputException;
import community.doorstep.internal.GuardedHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedFetcherTest {
    private static final String CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";

    private HttpServer server;
    private String base;
    private final FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(5));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/calendar.ics", exchange -> {
            byte[] body = CALENDAR.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/calendar.ics");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        base = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aTrustedHostIsFetched() {
        assertThat(fetcher.fetch(URI.create(base + "/calendar.ics"), Set.of("localhost"))).isEqualTo(CALENDAR);
    }

    @Test
    void loopbackIsRefusedUnlessTrusted() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/calendar.ics"), Set.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("private or local network address");
    }

    @Test
    void aRedirectToAnUntrustedPrivateAddressIsRefused() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/moved"), Set.of("localhost")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void anHttpErrorIsReportedWithoutThePath() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/gone?token=secret"), Set.of("localhost")))
                .isInstanceOf(DoorstepException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageNotContaining("secret");
    }

    @Test
    void webcalIsFetchedOverHttpsAndOtherSchemesAreRefused() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create("file:///etc/passwd"), Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1"})
    void privateAndLocalAddressesAreRecognised(String address) throws UnknownHostException {
        assertThat(GuardedHttp.isPrivate(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "151.101.0.1", "2a00:1450:4009:81f::200e"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(GuardedHttp.isPrivate(InetAddress.getByName(address))).isFalse();
    }
}
