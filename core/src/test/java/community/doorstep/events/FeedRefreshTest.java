package community.doorstep.events;

import com.sun.net.httpserver.HttpServer;
import community.doorstep.Doorstep;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static community.doorstep.testing.Calendars.calendar;
import static community.doorstep.testing.Calendars.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled refresh of groups' feeds: conditional GET, due times from the clock, failures that lose nothing. */
class FeedRefreshTest {
    private static final Duration INTERVAL = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final AtomicReference<String> calendar = new AtomicReference<>(calendar(event("a@x", ":20260305T120000Z", "Lunch club")));
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> conditionalHeaders = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Doorstep doorstep;
    private Feed feed;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/lunch.ics", exchange -> {
            String etag = "\"" + Integer.toHexString(calendar.get().hashCode()) + "\"";
            conditionalHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("If-None-Match")));
            if (status.get() != 200) {
                exchange.sendResponseHeaders(status.get(), -1);
            } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = calendar.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        doorstep = Doorstep.builder().stores(Stores.inMemory()).clock(clock).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme").withTrustedFeedHosts(Set.of("localhost")));
        feed = new Feed("hulme", "lunch", "lunch-club", URI.create("http://localhost:" + server.getAddress().getPort() + "/lunch.ics"));
        doorstep.events().feeds().registerFeed(feed);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private List<String> titles() {
        return doorstep.events().calendar().queryAll(EventQuery.window("hulme", Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"))).stream().map(o -> o.event().title()).toList();
    }

    @Test
    void aFeedIsFetchedWhenDueAndAskedConditionallyAfterwards() {
        assertThat(doorstep.events().feeds().refreshDueFeeds(INTERVAL)).containsExactly("hulme/lunch: 1 new, 0 changed, 0 removed");
        assertThat(titles()).containsExactly("Lunch club");

        clock.advance(INTERVAL.minusMinutes(1));
        assertThat(doorstep.events().feeds().refreshDueFeeds(INTERVAL)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(doorstep.events().feeds().refreshDueFeeds(INTERVAL)).containsExactly("hulme/lunch: unchanged");
        assertThat(conditionalHeaders.get(0)).isEqualTo("null");
        assertThat(conditionalHeaders.get(1)).startsWith("\"");
        assertThat(doorstep.events().feeds().feedStatus("hulme", "lunch").orElseThrow().lastSuccess()).isEqualTo(clock.instant());

        calendar.set(calendar(event("a@x", ":20260305T120000Z", "Lunch club with pudding")));
        clock.advance(INTERVAL);
        assertThat(doorstep.events().feeds().refreshDueFeeds(INTERVAL)).containsExactly("hulme/lunch: 0 new, 1 changed, 0 removed");
        assertThat(titles()).containsExactly("Lunch club with pudding");
    }

    @Test
    void aFailingFeedKeepsItsEventsAndSaysWhyInItsStatus() {
        doorstep.events().feeds().refreshDueFeeds(INTERVAL);
        Instant firstSuccess = clock.instant();
        status.set(503);
        clock.advance(INTERVAL);

        assertThat(doorstep.events().feeds().refreshDueFeeds(INTERVAL)).singleElement().asString().contains("failed", "HTTP 503");
        assertThat(titles()).containsExactly("Lunch club");
        FeedStatus feedStatus = doorstep.events().feeds().feedStatus("hulme", "lunch").orElseThrow();
        assertThat(feedStatus.lastError()).contains("HTTP 503").doesNotContain("/lunch.ics");
        assertThat(feedStatus.lastSuccess()).isEqualTo(firstSuccess);
        assertThat(feedStatus.lastAttempt()).isEqualTo(clock.instant());
    }

    @Test
    void aFeedOnAPrivateAddressIsRefusedUnlessTheSiteTrustsItsHost() {
        doorstep.sites().saveSite(Site.of("hulme", "Hulme").withZone(ZoneId.of("Europe/London")));
        assertThat(doorstep.events().feeds().refreshDueFeeds(INTERVAL)).singleElement().asString()
                .contains("failed", "private or local network address");
        assertThat(conditionalHeaders).isEmpty();
    }
}
