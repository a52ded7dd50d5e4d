package community.doorstep.samples.demo;

import community.doorstep.Doorstep;
import community.doorstep.access.Capability;
import community.doorstep.events.Feed;
import community.doorstep.notify.Address;
import community.doorstep.notify.Notifier;
import community.doorstep.site.Area;
import community.doorstep.site.Organisation;
import community.doorstep.site.Site;
import community.doorstep.web.Authorizer;
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
import java.util.Locale;
import java.util.Set;

/**
 * The runnable demo: embedded Jetty, H2 under a data directory, a seeded neighbourhood whose groups' calendars
 * the demo itself serves as iCal feeds, and a sample charity website page.
 */
public final class DemoServer implements AutoCloseable {
    static final String SITE = "hulme";
    static final String PREFIX = "/doorstep";
    static final String LOAD_TEST_FEED = "load-test";
    /** Each group's feed is fetched again this long after its last attempt. */
    private static final Duration REFRESH_AFTER = Duration.ofMinutes(15);
    /** Where the demo's coordinators are told of new suggestions: the demo's own mail server. */
    static final String COORDINATORS = "coordinators@hulme.example";

    private final Server server;
    private final Doorstep doorstep;
    private final DemoMail mail;
    private final URI base;
    private final String adminToken;
    private final String sampleCheckIn;

    private DemoServer(Server server, Doorstep doorstep, DemoMail mail, URI base, String adminToken,
                       String sampleCheckIn) {
        this.sampleCheckIn = sampleCheckIn;
        this.server = server;
        this.doorstep = doorstep;
        this.mail = mail;
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
        return start(host, port, dataDirectory, clock, loadTestEvents, allowedOrigins, true);
    }

    /**
     * As {@link #start(String, int, Path, Clock, int, Set)}; {@code writeLimits} false lifts the anonymous-write limits
     * for load tests and benchmarks ({@code --no-rate-limits}).
     */
    public static DemoServer start(String host, int port, Path dataDirectory, Clock clock, int loadTestEvents,
                                   Set<String> allowedOrigins, boolean writeLimits) throws Exception {
        DemoMail mail = DemoMail.start();
        Server server = new Server();
        server.setErrorHandler(new DoorstepErrorHandler(PREFIX));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        try {
            connector.open();
        } catch (Exception e) {
            mail.close();
            throw e;
        }
        // webhooks may go to the demo's own port on loopback, and nowhere else on this machine
        String self = (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + connector.getLocalPort();
        URI base = URI.create("http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + connector.getLocalPort());
        Doorstep doorstep = Doorstep.builder().embeddedDatabase(dataDirectory).clock(clock)
                .encryptionKey(DemoCheckIns.key(dataDirectory))
                .publicAddress(base.resolve(PREFIX + "/"))
                .feedRefreshInterval(REFRESH_AFTER)
                .notifier(Notifier.byChannel(Notifier.email(mail.settings()),
                        Notifier.webhooks(Duration.ofSeconds(10), Set.of(self))))
                .build();
        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.addServlet(new ServletHolder(new DemoPagesServlet(clock, loadTestEvents, doorstep, mail)), "/");
        if (loadTestEvents > 0) {
            context.addServlet(new ServletHolder(new BaselineServlet()), "/baseline");
        }
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                DoorstepWeb.mount(event.getServletContext(), PREFIX, doorstep, Authorizer.NOBODY,
                        writeLimits ? DoorstepWeb.WriteLimits.ON : DoorstepWeb.WriteLimits.OFF_FOR_LOAD_TESTS);
            }
        });
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            doorstep.close();
            mail.close();
            throw e;
        }
        String adminToken;
        String sampleCheckIn;
        try {
            seed(doorstep, base, allowedOrigins);
            DemoHelp.seed(doorstep, SITE);
            sampleCheckIn = DemoCheckIns.seed(doorstep, SITE);
            if (loadTestEvents > 0) {
                doorstep.events().feeds().registerFeed(new Feed(SITE, LOAD_TEST_FEED, null, base.resolve("/calendars/" + LOAD_TEST_FEED + ".ics")));
            }
            adminToken = freshAdminToken(doorstep);
            // the first import before the welcome, so the widgets are full when a newcomer opens them
            doorstep.events().feeds().refreshDueFeeds(REFRESH_AFTER);
            doorstep.start();
        } catch (RuntimeException e) {
            server.stop();
            doorstep.close();
            mail.close();
            throw e;
        }
        return new DemoServer(server, doorstep, mail, base, adminToken, sampleCheckIn);
    }

    /** The site, areas and groups on first start; the groups' feed addresses on every start (the port may differ). */
    static void seed(Doorstep doorstep, URI base) {
        seed(doorstep, base, Set.of());
    }

    /** As {@link #seed(Doorstep, URI)}; the allowed origins are those of this start only. */
    static void seed(Doorstep doorstep, URI base, Set<String> allowedOrigins) {
        // the groups' calendars come from the demo's own port on loopback; no other local address is trusted
        Set<String> local = new HashSet<>(List.of(base.getHost() + ":" + base.getPort(), "localhost:" + base.getPort(),
                "127.0.0.1:" + base.getPort()));
        Site site = doorstep.sites().findSite(SITE).orElse(Site.of(SITE, "Hulme Community Partnership"));
        doorstep.sites().saveSite(site.withAllowedOrigins(allowedOrigins).withTrustedFeedHosts(local)
                .withCoordinatorContact(Address.email(COORDINATORS)));
        for (String[] area : DemoGroups.AREAS) {
            doorstep.sites().saveArea(new Area(SITE, area[0], area[1]));
        }
        for (String[] tag : DemoGroups.TAG_LABELS) {
            doorstep.sites().labelTag(SITE, tag[0], Locale.ENGLISH, tag[1]);
            doorstep.sites().labelTag(SITE, tag[0], Locale.forLanguageTag("cy"), tag[2]);
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

    /** The demo's own mail server, where every mail it sends arrives. */
    DemoMail mail() {
        return mail;
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
                "  Help board:              " + base.resolve(PREFIX + "/w/" + SITE + "/help"),
                "  Coordinator page:        " + base.resolve(PREFIX + "/w/" + SITE + "/admin"),
                "  Help desk:               " + base.resolve(PREFIX + "/w/" + SITE + "/help/desk/" + adminToken),
                "  Start a check-in:        " + base.resolve(PREFIX + "/w/" + SITE + "/checkin"),
                "  Sample check-in (due in " + DemoCheckIns.SAMPLE_DUE.toMinutes() + " minutes; let it pass, then see the alert"
                        + " on the outbox page): " + base.resolve(PREFIX + "/w/" + SITE + "/checkin/" + sampleCheckIn),
                "  Check-in circles:        " + base.resolve(PREFIX + "/w/" + SITE + "/checkin/circles/" + adminToken),
                "  What the demo sent:      " + base.resolve("/outbox"),
                "  Admin token (new each start, keep it private): " + adminToken,
                "Stop with Ctrl+C; data stay in the data directory.");
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            try {
                doorstep.close();
            } finally {
                mail.close();
            }
        }
    }
}
