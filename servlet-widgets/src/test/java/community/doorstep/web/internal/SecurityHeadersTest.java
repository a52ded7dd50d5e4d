package community.doorstep.web.internal;

import community.doorstep.web.testing.ApiAssertions;
import community.doorstep.web.testing.Neighbourhood;
import community.doorstep.web.testing.NeighbourhoodWebTest;
import community.doorstep.web.testing.WebServer;
import community.doorstep.web.testing.WidgetAssertions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static community.doorstep.web.testing.Neighbourhood.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest extends NeighbourhoodWebTest {
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static String eventId;

    @BeforeAll
    static void findAnEvent() {
        eventId = ApiAssertions.okJson(server.get(EVENTS + "?q=lunch&limit=1")).path("occurrences").get(0)
                .path("eventId").asText();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EVENTS, "feeds/hulme/events.ics", "api/v1/sites/nowhere/events", EVENTS + "?limit=abc",
            "no/such/path"})
    void securityHeadersComeWithSuccessesAndErrorsAlike(String path) {
        assertSecurityHeaders(server.get(path));
    }

    @Test
    void securityHeadersComeWithNotModifiedRefusedMethodsAndOversizedBodies() {
        String tag = server.get(EVENTS).headers().firstValue("ETag").orElseThrow();

        assertSecurityHeaders(server.get(EVENTS, "If-None-Match", tag));
        assertSecurityHeaders(server.send("DELETE", EVENTS, null));
        assertSecurityHeaders(server.send("POST", EVENTS, new byte[(int) GuardFilter.MAX_BODY_BYTES + 1]));
    }

    @Test
    void crawlingEveryRouteWithEveryMethodNeverSetsACookieOrFailsOnTheServer() {
        List<String> paths = List.of(
                EVENTS, EVENTS + "?from=2026-06-01&to=2026-07-01&tag=food&tag=repair&org=lunch-club&q=lunch&limit=2",
                EVENTS + "?from=bad", EVENTS + "?to=2020-01-01", EVENTS + "?limit=-1", EVENTS + "?cursor=%25%25",
                EVENTS + "/" + eventId, EVENTS + "/" + eventId + ".ics", EVENTS + "/missing", EVENTS + "/missing.ics",
                "api/v1/sites/hulme/organisations", "api/v1/sites/hulme/areas", "api/v1/sites/hulme/tags",
                "api/v1/sites/nowhere/events", "api/v1/sites/nowhere/tags", "api/v1/sites/hulme", "api/v1",
                "feeds/hulme/events.ics", "feeds/hulme/events.ics?tag=food", "feeds/hulme/events.ics?tag=BAD",
                "feeds/nowhere/events.ics", "", "anything/else");
        List<String> answers = new ArrayList<>();
        for (String path : paths) {
            for (String method : METHODS) {
                byte[] body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                        ? "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8) : null;
                HttpResponse<String> response = body == null ? server.send(method, path, null)
                        : server.send(method, path, body, "Content-Type", "application/json");
                String answer = method + " /" + path + " -> " + response.statusCode();
                answers.add(answer);

                assertThat(response.headers().allValues("Set-Cookie")).as(answer).isEmpty();
                assertThat(response.statusCode()).as(answer).isLessThan(500);
                assertSecurityHeaders(response);
                if (response.statusCode() >= 400 && !method.equals("HEAD")) {
                    assertThat(response.headers().firstValue("Content-Type")).as(answer)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                }
            }
        }
        assertThat(answers).hasSize(paths.size() * METHODS.size());
    }

    @Test
    void crawlingEveryWidgetRouteWithEveryMethodNeverSetsACookieOrFailsOnTheServer() {
        String token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        List<String> paths = List.of(
                "w/hulme/events", "w/hulme/events?lang=cy&q=lunch&tag=food&from=2026-06-08", "w/hulme/events?from=bad",
                "w/hulme/events/month", "w/hulme/events/month?month=2026-13", "w/hulme/events/" + eventId,
                "w/hulme/events/" + eventId + "?date=2026-06-11", "w/hulme/events/missing", "w/hulme/submit",
                "w/hulme/manage/" + token, "w/hulme/manage/short", "w/hulme/admin", "w/hulme/admin/" + token,
                "w/hulme/organiser/" + token, "w/nowhere/events", "w/nowhere/submit",
                "assets/doorstep.css", "assets/theme.css?accent=%23fff", "assets/missing.css");
        List<String> answers = new ArrayList<>();
        for (String path : paths) {
            for (String method : METHODS) {
                boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
                HttpResponse<String> response = withBody
                        ? server.send(method, path, "title=x&date=2026-06-20".getBytes(StandardCharsets.UTF_8),
                        "Content-Type", "application/x-www-form-urlencoded", "Origin", server.origin())
                        : server.send(method, path, null);
                String answer = method + " /" + path + " -> " + response.statusCode();
                answers.add(answer);

                assertThat(response.headers().allValues("Set-Cookie")).as(answer).isEmpty();
                assertThat(response.statusCode()).as(answer).isLessThan(500);
                assertThat(response.headers().firstValue("X-Content-Type-Options")).as(answer).hasValue("nosniff");
                assertThat(response.headers().firstValue("Referrer-Policy")).as(answer).isPresent();
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(answer)
                        .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none'"));
                if (path.startsWith("w/") && List.of("GET", "HEAD", "POST").contains(method)
                        && response.statusCode() != 405 && response.statusCode() != 415) {
                    assertThat(response.headers().firstValue("Content-Security-Policy")).as(answer)
                            .hasValue(WidgetAssertions.WIDGET_POLICY);
                }
            }
        }
        assertThat(answers).hasSize(paths.size() * METHODS.size());
    }

    @Test
    void hostFilterThatStartsASessionAndSetsCookiesCannotDoSoThroughDoorstep() {
        try (WebServer hosted = WebServer.start(Neighbourhood.create(), "/doorstep", ServletContextHandler.SESSIONS,
                SecurityHeadersTest::addCookieSettingHostParts)) {
            HttpResponse<String> doorstep = hosted.get(EVENTS);
            HttpResponse<String> host = hosted.send(hosted.request("../host").GET().build());

            assertThat(host.headers().allValues("Set-Cookie")).as("the host's own page does get its cookies")
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(doorstep.statusCode()).isEqualTo(200);
            assertThat(doorstep.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    /** A host application's filter over everything that starts a session and sets a cookie, and a page of its own. */
    private static void addCookieSettingHostParts(ServletContextHandler context) {
        context.addFilter(new FilterHolder(new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response,
                                    FilterChain chain) throws IOException, ServletException {
                request.getSession(true);
                response.addCookie(new Cookie("host-tracker", "1"));
                response.addHeader("Set-Cookie", "other=2");
                chain.doFilter(request, response);
            }
        }), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write("host page");
            }
        }), "/host");
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        String answer = response.request().method() + " " + response.uri() + " -> " + response.statusCode();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(answer).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(answer).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(answer)
                .hasValue("default-src 'none'; frame-ancestors 'none'");
    }
}
