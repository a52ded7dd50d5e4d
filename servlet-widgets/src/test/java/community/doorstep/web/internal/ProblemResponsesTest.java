package community.doorstep.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import community.doorstep.Doorstep;
import community.doorstep.access.AccessStore;
import community.doorstep.events.EventStore;
import community.doorstep.site.SiteStore;
import community.doorstep.store.Stores;
import community.doorstep.web.testing.NeighbourhoodWebTest;
import community.doorstep.web.testing.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static community.doorstep.web.testing.ApiAssertions.problem;
import static community.doorstep.web.testing.ApiAssertions.texts;
import static community.doorstep.web.testing.Neighbourhood.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest extends NeighbourhoodWebTest {
    private static final String TYPES = "https://doorstep.community/problems/";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "api/v1/sites/nowhere/events", "api/v1/sites/nowhere/events/abc", "api/v1/sites/nowhere/events/abc.ics",
            "api/v1/sites/nowhere/organisations", "api/v1/sites/nowhere/areas", "api/v1/sites/nowhere/tags",
            "api/v1/sites/Not%20A%20Site/events", "feeds/nowhere/events.ics"})
    void unknownSiteIsNotFound(String path) {
        JsonNode problem = problem(server.get(path), 404);

        assertThat(problem.path("type").asText()).isEqualTo(TYPES + "not-found");
        assertThat(problem.path("detail").asText()).contains("site");
    }

    @Test
    void unknownEventIsNotFound() {
        assertThat(problem(server.get(EVENTS + "/no-such-event"), 404).path("detail").asText()).contains("no-such-event");
        problem(server.get(EVENTS + "/no-such-event.ics"), 404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nothing-here", "api/v2/sites/hulme/events", "api/v1/sites/hulme", "feeds/hulme/other.ics"})
    void unknownPathIsNotFound(String path) {
        assertThat(problem(server.get(path), 404).path("type").asText()).isEqualTo(TYPES + "not-found");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "from=2026-13-01                   | from   | date",
            "from=tomorrow                     | from   | date",
            "from=2026-6-1                     | from   | date",
            "to=2026-02-30                     | to     | date",
            "from=2026-06-10&to=2026-06-01     | to     | after-from",
            "from=2026-06-10&to=2026-06-10     | to     | after-from",
            "to=2026-05-01                     | to     | after-from",
            "from=2026-06-01&to=2027-06-03     | to     | max-window",
            "from=2026-06-01&from=2026-06-02   | from   | repeated",
            "limit=abc                         | limit  | integer",
            "limit=2.5                         | limit  | integer",
            "limit=0                           | limit  | range",
            "limit=1001                        | limit  | range",
            "limit=99999999999                 | limit  | integer",
            "cursor=!!!notacursor              | cursor | invalid",
            "cursor=bm90LWEtY3Vyc29y           | cursor | invalid",
            "tag=Older%20People                | tag    | slug",
            "area=-central                     | area   | slug",
            "org=LUNCH                         | org    | slug",
            "from=%2B999999999-12-31           | from   | date",
    })
    void badQueryIsA400NamingTheParameterAndRule(String query, String field, String rule) {
        JsonNode problem = problem(server.get(EVENTS + "?" + query), 400);

        assertThat(problem.path("type").asText()).isEqualTo(TYPES + "invalid-input");
        assertThat(problem.path("detail").asText()).contains(field);
        assertThat(problem.path("errors")).hasSize(1);
        JsonNode error = problem.path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("rule").asText()).isEqualTo(rule);
        assertThat(error.path("message").asText()).contains(field);
    }

    @Test
    void tooLongTextIsA400NamingQ() {
        JsonNode problem = problem(server.get(EVENTS + "?q=" + "a".repeat(201)), 400);

        assertThat(texts(problem.path("errors"), "field")).containsExactly("q");
        assertThat(texts(problem.path("errors"), "rule")).containsExactly("too-long");
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        JsonNode problem = problem(server.get(EVENTS + "?from=soon&limit=many&tag=A+B&org=x_y"), 400);

        assertThat(texts(problem.path("errors"), "field")).containsExactlyInAnyOrder("from", "limit", "tag", "org");
        assertThat(problem.path("detail").asText()).contains("from", "limit", "tag", "org");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void wrongMethodIs405WithTheAllowedOnes(String method) {
        HttpResponse<String> response = server.send(method, EVENTS, "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");

        JsonNode problem = problem(response, 405);
        assertThat(problem.path("type").asText()).isEqualTo(TYPES + "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void malformedJsonBodyIsRefusedWithA4xx() {
        HttpResponse<String> response = server.send("POST", EVENTS, "{\"title\": ".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");

        assertThat(response.statusCode()).isBetween(400, 499);
        problem(response, response.statusCode());
    }

    @Test
    void unsupportedMediaTypeIsRefusedWithA4xx() {
        HttpResponse<String> response = server.send("PUT", "api/v1/sites/hulme/tags",
                "<tag/>".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/xml");

        assertThat(response.statusCode()).isBetween(400, 499);
        problem(response, response.statusCode());
    }

    @Test
    void oversizedBodyIs413() {
        byte[] body = new byte[(int) GuardFilter.MAX_BODY_BYTES + 1];

        JsonNode problem = problem(server.send("POST", EVENTS, body, "Content-Type", "application/json"), 413);

        assertThat(problem.path("type").asText()).isEqualTo(TYPES + "content-too-large");
    }

    @Test
    void unacceptableMediaTypeIs406() {
        JsonNode problem = problem(server.get(EVENTS, "Accept", "application/xml"), 406);

        assertThat(problem.path("type").asText()).isEqualTo(TYPES + "not-acceptable");
    }

    @Test
    void unexpectedFailureIsA500ThatRevealsNothing() {
        Doorstep broken = Doorstep.builder().stores(brokenStores()).build();
        try (WebServer brokenServer = WebServer.start(broken, "/doorstep")) {
            HttpResponse<String> response = brokenServer.get(EVENTS + "?q=private+words");

            JsonNode problem = problem(response, 500);
            assertThat(problem.path("type").asText()).isEqualTo(TYPES + "internal-error");
            assertThat(response.body()).doesNotContain("database password").doesNotContain("private words")
                    .doesNotContain("Stores");
        }
    }

    /**
     * Stores whose every store fails as a database outage would, with a message that must not leak. Built as
     * proxies so the test keeps compiling as stores gain methods.
     */
    private static Stores brokenStores() {
        Stores stores = Stores.inMemory();
        stores.shared(SiteStore.class, () -> failing(SiteStore.class));
        stores.shared(EventStore.class, () -> failing(EventStore.class));
        stores.shared(AccessStore.class, () -> failing(AccessStore.class));
        return stores;
    }

    private static <T> T failing(Class<T> store) {
        return store.cast(Proxy.newProxyInstance(store.getClassLoader(), new Class<?>[]{store}, (proxy, method, args) -> {
            throw new IllegalStateException("connection refused: database password wrong");
        }));
    }
}
