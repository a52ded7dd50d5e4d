package community.doorstep.schedule;

import com.sun.net.httpserver.HttpServer;
import community.doorstep.Doorstep;
import community.doorstep.events.Feed;
import community.doorstep.events.FeedStatus;
import community.doorstep.site.Site;
import community.doorstep.testing.Postgres;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Doorstep nodes, each a process of its own, on one PostgreSQL: due work is shared and done once, and when one
 * node is killed with SIGKILL the other finishes its work.
 */
class TwoNodesTest {
    private static final int FEEDS = 50;

    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private volatile long delayMillis;
    private final List<Process> nodes = new ArrayList<>();
    private HttpServer calendars;
    private HikariDataSource pool;
    private String url;
    private Doorstep doorstep;

    @BeforeEach
    void setUp() throws IOException {
        url = Postgres.freshSchemaUrl();
        pool = Postgres.pool(url, Postgres.USER, Postgres.PASSWORD);
        calendars = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        calendars.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        calendars.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            started.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fetches.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:" + path.substring(1)
                    + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260302T120000Z\r\nDTEND:20260302T130000Z\r\n"
                    + "SUMMARY:Lunch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        calendars.start();
        doorstep = Doorstep.builder().dataSource(pool).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme").withTrustedFeedHosts(Set.of("127.0.0.1")));
        for (int i = 0; i < FEEDS; i++) {
            doorstep.events().feeds().registerFeed(new Feed("hulme", "feed-" + i, null,
                    URI.create("http://127.0.0.1:" + calendars.getAddress().getPort() + "/feed-" + i)));
        }
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process node : nodes) {
            node.destroyForcibly();
            node.waitFor(30, TimeUnit.SECONDS);
        }
        doorstep.close();
        pool.close();
        calendars.stop(0);
    }

    @Test
    void fiftyDueFeedsAreEachFetchedExactlyOnceByTwoNodes() throws Exception {
        delayMillis = 50;
        startNode();
        startNode();

        awaitAllImported(Duration.ofSeconds(60));

        assertThat(fetches).hasSize(FEEDS);
        assertThat(fetches.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void whenOneNodeIsKilledMidRunTheOtherFinishesItsWork() throws Exception {
        delayMillis = 1000;
        Process doomed = startNode();
        startNode();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (started.get() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // SIGKILL: no shutdown hook, no goodbye; its picked tasks are left with a heartbeat that stops
        doomed.toHandle().destroyForcibly();
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();

        awaitAllImported(Duration.ofSeconds(90));

        assertThat(fetches).hasSize(FEEDS);
        // only a fetch the killed node had under way can have been done again
        long twice = fetches.values().stream().filter(count -> count.get() > 1).count();
        assertThat(twice).isLessThanOrEqualTo(4);
        assertThat(fetches.values()).allSatisfy(count -> assertThat(count.get()).isBetween(1, 2));
    }

    private Process startNode() throws IOException {
        Process node = DueWorkNode.start(url);
        nodes.add(node);
        return node;
    }

    private void awaitAllImported(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && imported() < FEEDS) {
            Thread.sleep(100);
        }
        assertThat(imported()).as("feeds imported").isEqualTo(FEEDS);
    }

    private long imported() {
        return doorstep.events().feeds().feeds("hulme").stream()
                .filter(feed -> doorstep.events().feeds().feedStatus("hulme", feed.id())
                        .map(FeedStatus::lastSuccess).isPresent())
                .count();
    }
}
