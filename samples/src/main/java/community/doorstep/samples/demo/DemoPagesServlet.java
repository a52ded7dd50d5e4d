package community.doorstep.samples.demo;

import community.doorstep.Doorstep;
import community.doorstep.events.Event;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import community.doorstep.events.ical.CalendarWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo serves besides Doorstep: the sample charity website page and the groups' own calendars
 * (with an ETag, so Doorstep's conditional GET has something to answer).
 */
final class DemoPagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern CALENDAR = Pattern.compile("/calendars/([a-z0-9-]+)\\.ics");

    private static final PebbleEngine PAGES = new PebbleEngine.Builder().loader(pageLoader()).build();

    private final transient Clock clock;
    private final int loadTestEvents;
    private final transient Doorstep doorstep;
    private final transient DemoMail mail;

    DemoPagesServlet(Clock clock, int loadTestEvents, Doorstep doorstep, DemoMail mail) {
        this.clock = clock;
        this.loadTestEvents = loadTestEvents;
        this.doorstep = doorstep;
        this.mail = mail;
    }

    private static ClasspathLoader pageLoader() {
        ClasspathLoader loader = new ClasspathLoader(DemoPagesServlet.class.getClassLoader());
        loader.setPrefix("community/doorstep/samples/demo");
        loader.setSuffix(".peb");
        return loader;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        response.setHeader("X-Content-Type-Options", "nosniff");
        Matcher calendar = CALENDAR.matcher(path);
        if (calendar.matches()) {
            serveCalendar(calendar.group(1), request, response);
        } else if (path.equals("/") || path.equals("/index.html")) {
            serveCharitySite(request, response);
        } else if (path.equals("/outbox")) {
            serveOutbox(response);
        } else if (path.equals("/charity-site.css")) {
            servePage("charity-site.css", "text/css; charset=utf-8", response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void serveCalendar(String feedId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(DemoGroups.LONDON));
        List<Event> events;
        String name;
        if (loadTestEvents > 0 && feedId.equals(DemoServer.LOAD_TEST_FEED)) {
            events = LoadTestCalendar.events(loadTestEvents, today);
            name = "Load test";
        } else {
            DemoGroups.Group group = DemoGroups.GROUPS.stream().filter(g -> g.id().equals(feedId)).findFirst().orElse(null);
            if (group == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            events = DemoGroups.calendar(group, today);
            name = group.name();
        }
        String text = CalendarWriter.write(name, events, today.atStartOfDay(DemoGroups.LONDON).toInstant());
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + sha256(body) + "\"";
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setHeader("ETag", etag);
        response.setContentType("text/calendar; charset=utf-8");
        response.getOutputStream().write(body);
    }

    /** Every mail the demo's own SMTP server took, and every message in Doorstep's outbox with how it went. */
    private void serveOutbox(HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("mails", mail.received());
        model.put("messages", doorstep.outbox().recent(DemoServer.SITE, 100).stream().map(entry -> Map.of(
                "id", entry.message().id(), "type", entry.message().type(),
                "channel", entry.message().to().channel().name().toLowerCase(java.util.Locale.ROOT),
                "state", entry.state().name().toLowerCase(java.util.Locale.ROOT),
                "attempts", entry.attempts(), "subject", entry.message().subject())).toList());
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Content-Security-Policy", "default-src 'self'");
        response.setHeader("Cache-Control", "no-store");
        StringWriter page = new StringWriter();
        PAGES.getTemplate("outbox").evaluate(page, model);
        response.getWriter().write(page.toString());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The sample charity page, with the two-line snippets exactly as the embed builder writes them: their addresses
     * are this server's as the browser reached it.
     */
    private static void serveCharitySite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page;
        try (InputStream in = DemoPagesServlet.class.getResourceAsStream("charity-site.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        response.setContentType("text/html; charset=utf-8");
        // what a charity's own site might send: no scripts of its own, only Doorstep's snippet
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; script-src " + origin + "; frame-src " + origin + "; img-src 'self' data:");
        response.getOutputStream().write(page.replace("{{doorstep}}", origin + DemoServer.PREFIX)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void servePage(String name, String type, HttpServletResponse response) throws IOException {
        try (InputStream page = DemoPagesServlet.class.getResourceAsStream(name)) {
            if (page == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            response.setHeader("Content-Security-Policy", "default-src 'self'");
            page.transferTo(response.getOutputStream());
        }
    }
}
