package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.events.EventStore;
import community.doorstep.events.Feed;
import community.doorstep.site.Site;
import community.doorstep.site.SiteStore;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import community.doorstep.web.testing.WebServer;
import community.doorstep.web.testing.WidgetAssertions;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory cache of public reads: served again until the site's content or the day changes. */
class CachedReadsTest {
    private static final String EVENTS = "api/v1/sites/hulme/events";

    private final AtomicInteger windowQueries = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private Doorstep doorstep;
    private WebServer server;

    @BeforeEach
    void start() {
        Stores real = Stores.inMemory();
        EventStore memory = EventStore.of(real);
        EventStore counting = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                new Class<?>[]{EventStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findOverlapping")) {
                        windowQueries.incrementAndGet();
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        // the features open their stores through shared(), so these are the ones Doorstep uses; the site store is
        // the real one's partner, so both keep one content version
        Stores stores = Stores.inMemory();
        stores.shared(SiteStore.class, () -> SiteStore.of(real));
        stores.shared(EventStore.class, () -> counting);
        doorstep = Doorstep.builder().stores(stores).clock(clock).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
        importLunchClub("Lunch club");
        server = WebServer.start(doorstep, "/doorstep");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void importLunchClub(String title) {
        String calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:lunch@test\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/London:20260604T120000\r\nRRULE:FREQ=WEEKLY\r\n"
                + "SUMMARY:" + title + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        doorstep.events().feeds().importCalendar(new Feed("hulme", "lunch", null, null),
                new ByteArrayInputStream(calendar.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void madeUpParametersNeitherFillTheCacheNorReachThePage() {
        server.close();
        ServletContextHandler[] context = new ServletContextHandler[1];
        server = WebServer.start(doorstep, "/doorstep", ServletContextHandler.NO_SESSIONS, handler -> context[0] = handler);
        String widget = "w/hulme/events";
        String plain = server.get(widget).body();
        for (int i = 0; i < 2000; i++) {
            assertThat(server.get(widget + "?junk" + i + "=" + "x".repeat(200)).statusCode()).isEqualTo(200);
            assertThat(server.get(EVENTS + "?made-up-" + i + "=1").statusCode()).isEqualTo(200);
        }
        CachedReadsFilter cache = (CachedReadsFilter) context[0].getServletContext()
                .getAttribute(CachedReadsFilter.ATTRIBUTE + "/doorstep");
        assertThat(cache.usage().entries()).isEqualTo(2);
        assertThat(cache.usage().bytes()).isLessThanOrEqualTo(CachedReadsFilter.MAX_BYTES);
        String echoed = server.get(widget + "?junk=%3Cjunk-value%3E&lang=cy").body();
        assertThat(echoed).doesNotContain("junk");
        assertThat(server.get(widget + "?junk=1").body()).isEqualTo(plain);
    }

    @Test
    void aRepeatedReadIsServedWithoutQueryingAgainAndA304NeedsNoQueryEither() {
        HttpResponse<String> first = server.get(EVENTS);
        HttpResponse<String> second = server.get(EVENTS);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = server.get(EVENTS, "If-None-Match", etag);

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).contains(etag);
        assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(windowQueries.get()).isEqualTo(1);
    }

    @Test
    void aChangeToTheSiteIsSeenAtOnce() {
        assertThat(server.get(EVENTS).body()).contains("\"Lunch club\"");
        importLunchClub("Lunch club with pudding");
        HttpResponse<String> after = server.get(EVENTS);
        assertThat(after.body()).contains("Lunch club with pudding");
        assertThat(windowQueries.get()).isEqualTo(2);
    }

    @Test
    void aNewDayInTheSitesZoneIsANewAnswer() {
        String today = server.get(EVENTS).body();
        clock.advance(Duration.ofDays(7));
        String nextWeek = server.get(EVENTS).body();
        assertThat(nextWeek).isNotEqualTo(today);
        assertThat(windowQueries.get()).isEqualTo(2);
    }

    @Test
    void differentQueriesAndUnknownSitesAreNotMixedUp() {
        String all = server.get(EVENTS).body();
        String filtered = server.get(EVENTS + "?q=nothing-matches").body();
        assertThat(filtered).isNotEqualTo(all).contains("\"occurrences\":[]");
        assertThat(server.get("api/v1/sites/nowhere/events").statusCode()).isEqualTo(404);
        assertThat(server.get("api/v1/sites/nowhere/events").statusCode()).isEqualTo(404);
    }
}
