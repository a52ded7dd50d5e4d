package community.doorstep.samples.demo;

import community.doorstep.events.Event;
import community.doorstep.events.ical.CalendarWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo serves besides Doorstep: the sample charity website page and the groups' own calendars
 * (with an ETag, so Doorstep's conditional GET has something to answer).
 */
final class DemoPagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern CALENDAR = Pattern.compile("/calendars/([a-z0-9-]+)\\.ics");

    private final transient Clock clock;
    private final int loadTestEvents;

    DemoPagesServlet(Clock clock, int loadTestEvents) {
        this.clock = clock;
        this.loadTestEvents = loadTestEvents;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        response.setHeader("X-Content-Type-Options", "nosniff");
        Matcher calendar = CALENDAR.matcher(path);
        if (calendar.matches()) {
            serveCalendar(calendar.group(1), request, response);
        } else if (path.equals("/") || path.equals("/index.html")) {
            servePage("charity-site.html", "text/html; charset=utf-8", response);
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static void servePage(String name, String type, HttpServletResponse response) throws IOException {
        try (InputStream page = DemoPagesServlet.class.getResourceAsStream(name)) {
            if (page == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            // The sample page is what a charity's own site might send: no scripts of its own, styles from a file.
            response.setHeader("Content-Security-Policy", "default-src 'self'; frame-src 'self'; img-src 'self' data:");
            page.transferTo(response.getOutputStream());
        }
    }
}
