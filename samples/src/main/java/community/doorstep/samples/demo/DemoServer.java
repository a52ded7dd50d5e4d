package community.doorstep.samples.demo;

import community.doorstep.Doorstep;
import community.doorstep.access.Capability;
import community.doorstep.events.Feed;
import community.doorstep.site.Area;
import community.doorstep.site.Organisation;
import community.doorstep.site.Site;
import community.doorstep.web.DoorstepWeb;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runnable demo: embedded Jetty, H2 under a data directory, a seeded neighbourhood whose groups' calendars
 * the demo itself serves as iCal feeds, and a sample charity website page.
 */
public final class DemoServer implements AutoCloseable {
    static final String SITE = "hulme";
    static final String PREFIX = "/doorstep";
    static final String LOAD_TEST_FEED = "load-test";
    /** Feeds are looked at this often; each is fetched again when its last attempt is older than REFRESH_AFTER. */
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);
    private static final Duration REFRESH_AFTER = Duration.ofMinutes(15);

    private final Server server;
    private final Doorstep doorstep;
    private final ScheduledExecutorService refresher;
    private final URI base;
    private final String adminToken;

    private DemoServer(Server server, Doorstep doorstep, ScheduledExecutorService refresher, URI base, String adminToken) {
        this.server = server;
        this.doorstep = doorstep;
        this.refresher = refresher;
        this.base = base;
        this.adminToken = adminToken;
    }

    /** Starts the demo on the host and port (0 for any free one), keeping its data in the directory. */
    public static DemoServer start(String host, int port, Path dataDirectory, Clock clock) throws Exception {
        return start(host, port, dataDirectory, clock, 0);
    }

    /**
     * As {@link #start(String, int, Path, Clock)}; with {@code loadTestEvents > 0} the site also gets that many
     * extra events (from one more served calendar) and a static servlet at {@code /baseline}, the yardstick
     * the load test compares Doorstep's pages with.
     */
    public static DemoServer start(String host, int port, Path dataDirectory, Clock clock, int loadTestEvents)
            throws Exception {
        return start(host, port, dataDirectory, clock, loadTestEvents, Set.of());
    }

    /**
     * As {@link #start(String, int, Path, Clock, int)}, with more origins (such as {@code http://127.0.0.1:9000})
     * allowed to embed the site's widgets beside the demo's own sample page.
     */
    public static DemoServer start(String host, int port, Path dataDirectory, Clock clock, int loadTestEvents,
                                   Set<String> allowedOrigins) throws Exception {
        Doorstep doorstep = Doorstep.builder().embeddedDatabase(dataDirectory).clock(clock).build();
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.addServlet(new ServletHolder(new DemoPagesServlet(clock, loadTestEvents)), "/");
        if (loadTestEvents > 0) {
            context.addServlet(new ServletHolder(new BaselineServlet()), "/baseline");
        }
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                DoorstepWeb.mount(event.getServletContext(), PREFIX, doorstep);
            }
        });
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            doorstep.close();
            throw e;
        }
        URI base = URI.create("http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + connector.getLocalPort());
        String adminToken;
        try {
            seed(doorstep, base, allowedOrigins);
            if (loadTestEvents > 0) {
                doorstep.events().feeds().registerFeed(new Feed(SITE, LOAD_TEST_FEED, null, base.resolve("/calendars/" + LOAD_TEST_FEED + ".ics")));
            }
            adminToken = freshAdminToken(doorstep);
            doorstep.events().feeds().refreshDueFeeds(REFRESH_AFTER);
        } catch (RuntimeException e) {
            server.stop();
            doorstep.close();
            throw e;
        }
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "doorstep-feed-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(() -> doorstep.events().feeds().refreshDueFeeds(REFRESH_AFTER),
                CHECK_EVERY.toSeconds(), CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
        return new DemoServer(server, doorstep, refresher, base, adminToken);
    }

    /** The site, areas and groups on first start; the groups' feed addresses on every start (the port may differ). */
    static void seed(Doorstep doorstep, URI base) {
        seed(doorstep, base, Set.of());
    }

    /** As {@link #seed(Doorstep, URI)}; the allowed origins are those of this start only. */
    static void seed(Doorstep doorstep, URI base, Set<String> allowedOrigins) {
        Set<String> local = new HashSet<>(List.of(base.getHost(), "localhost", "127.0.0.1"));
        Site site = doorstep.sites().findSite(SITE).orElse(Site.of(SITE, "Hulme Community Partnership"));
        site = new Site(site.id(), site.name(), site.zone(), site.languages(), allowedOrigins, site.trustedFeedHosts());
        doorstep.sites().saveSite(site.withTrustedFeedHosts(local));
        for (String[] area : DemoGroups.AREAS) {
            doorstep.sites().saveArea(new Area(SITE, area[0], area[1]));
        }
        for (DemoGroups.Group group : DemoGroups.GROUPS) {
            if (doorstep.sites().findOrganisation(SITE, group.id()).isEmpty()) {
                doorstep.sites().saveOrganisation(new Organisation(SITE, group.id(), group.name(), group.area(), null));
            }
            doorstep.events().feeds().registerFeed(new Feed(SITE, group.id(), group.id(), base.resolve("/calendars/" + group.id() + ".ics")));
        }
    }

    /** A new admin token each start: only its hash is stored, so an old one cannot be shown again. */
    private static String freshAdminToken(Doorstep doorstep) {
        doorstep.access().revoke(SITE, Capability.SITE_ADMIN, SITE);
        return doorstep.access().issue(SITE, Capability.SITE_ADMIN, SITE);
    }

    public URI base() {
        return base;
    }

    public String adminToken() {
        return adminToken;
    }

    public Doorstep doorstep() {
        return doorstep;
    }

    /** What a newcomer needs: where to look, and the admin token. */
    public List<String> welcome() {
        return List.of(
                "Doorstep demo is running.",
                "  Sample charity website:  " + base.resolve("/"),
                "  Events widget:           " + base.resolve(PREFIX + "/w/" + SITE + "/events"),
                "  Events widget in Welsh:  " + base.resolve(PREFIX + "/w/" + SITE + "/events?lang=cy"),
                "  Calendar feed:           " + base.resolve(PREFIX + "/feeds/" + SITE + "/events.ics"),
                "  JSON API:                " + base.resolve(PREFIX + "/api/v1/sites/" + SITE + "/events"),
                "  Coordinator page:        " + base.resolve(PREFIX + "/w/" + SITE + "/admin"),
                "  Admin token (new each start, keep it private): " + adminToken,
                "Stop with Ctrl+C; data stay in the data directory.");
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        refresher.shutdownNow();
        try {
            server.stop();
        } finally {
            doorstep.close();
        }
    }
}
