package community.doorstep.samples;

import com.sun.net.httpserver.HttpServer;
import community.doorstep.Doorstep;
import community.doorstep.events.EventQuery;
import community.doorstep.events.Feed;
import community.doorstep.events.ImportReport;
import community.doorstep.events.OccurrencePage;
import community.doorstep.site.Site;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java examples, compiled and run. The test reads the README and checks that each example's lines
 * stand, in order, in this file: an example that no longer compiles, or that drifts from the code here, fails.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCES = Path.of("src", "test", "java", "community", "doorstep", "samples");

    @Test
    void theIntegrationExampleRuns() throws Exception {
        JdbcConnectionPool yourPool = JdbcConnectionPool.create("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "app", "");
        HttpServer calendars = lunchClubServer();
        URI lunchClubCalendar = URI.create("http://127.0.0.1:" + calendars.getAddress().getPort() + "/lunch-club.ics");
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-04-01T00:00:00Z");
        try {
            Doorstep doorstep = Doorstep.builder()
                    .dataSource(yourPool)                 // your app's DataSource: PostgreSQL in production
                    .clock(Clock.systemUTC())
                    .build();
            doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
            // only in this test: the calendar is served on loopback, which feeds may use only where trusted
            doorstep.sites().saveSite(doorstep.sites().requireSite("hulme")
                    .withTrustedFeedHosts(Set.of("127.0.0.1:" + calendars.getAddress().getPort())));
            doorstep.start();                             // due work (feed refreshes, messages, purges) until close()

            Feed feed = new Feed("hulme", "lunch-club", null, lunchClubCalendar);
            doorstep.events().feeds().registerFeed(feed);                          // refreshed by due work from now on
            ImportReport report = doorstep.events().feeds().importCalendar(feed);  // or at once, with the SSRF guard on

            OccurrencePage nextMonth = doorstep.events().calendar().query(EventQuery.window("hulme", from, to).withTags(Set.of("older-people")));
            String ics = doorstep.events().calendar().exportCalendar(EventQuery.window("hulme", from, to));
            doorstep.close();

            // due work may have imported it a moment before: then the import at once found it unchanged
            assertThat(report.created() + report.unchanged()).isEqualTo(1);
            assertThat(nextMonth.occurrences()).extracting(o -> o.event().title()).containsOnly("Lunch club");
            assertThat(nextMonth.occurrences()).hasSize(5);
            assertThat(ics).contains("SUMMARY:Lunch club");
        } finally {
            calendars.stop(0);
            yourPool.dispose();
        }
    }

    @Test
    void theMountingExampleServesTheWidgetsAndTheApi() throws Exception {
        Doorstep doorstep = Doorstep.builder().stores(community.doorstep.store.Stores.inMemory()).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.addEventListener(new DoorstepListener(doorstep));
        server.setHandler(context);
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + connector.getLocalPort();
            HttpResponse<String> widget = http.send(HttpRequest.newBuilder(URI.create(base + "/doorstep/w/hulme/events"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/doorstep/api/v1/sites/hulme/events"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(widget.statusCode()).isEqualTo(200);
            assertThat(widget.body()).contains("Hulme Community Partnership");
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(widget.headers().firstValue("Set-Cookie")).isEmpty();
        } finally {
            server.stop();
            doorstep.close();
        }
    }

    @Test
    void everyJavaExampleInTheReadmeStandsInTheseTests() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        for (String file : List.of("ReadmeExamplesTest.java", "DoorstepListener.java")) {
            sources.add(normalised(Files.readAllLines(SOURCES.resolve(file), StandardCharsets.UTF_8)));
        }
        Matcher blocks = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
        int examples = 0;
        while (blocks.find()) {
            examples++;
            List<String> example = normalised(List.of(blocks.group(1).split("\n")));
            assertThat(sources).as("a test holding, in order, the README example:%n%s", blocks.group(1))
                    .anyMatch(source -> holdsInOrder(source, example));
        }
        assertThat(examples).as("Java examples in the README").isEqualTo(2);
    }

    private static boolean holdsInOrder(List<String> source, List<String> example) {
        int at = 0;
        for (String line : example) {
            int found = source.subList(at, source.size()).indexOf(line);
            if (found < 0) {
                return false;
            }
            at += found + 1;
        }
        return true;
    }

    private static List<String> normalised(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String folded = line.strip().replaceAll("\\s+", " ");
            if (!folded.isEmpty()) {
                kept.add(folded);
            }
        }
        return kept;
    }

    /** The lunch club's calendar on loopback: every Tuesday at noon in March 2026. */
    private static HttpServer lunchClubServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/lunch-club.ics", exchange -> {
            byte[] body = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:lunch@club\r\n"
                    + "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/London:20260303T120000\r\n"
                    + "DTEND;TZID=Europe/London:20260303T133000\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\nSUMMARY:Lunch club\r\n"
                    + "CATEGORIES:Older people\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
