package community.doorstep.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import community.doorstep.web.testing.ApiAssertions;
import community.doorstep.web.testing.Neighbourhood;
import community.doorstep.web.testing.WebServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.EnumSet;

import static community.doorstep.web.testing.ApiAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** What the guard does when something between it and Doorstep misbehaves: here, a host application's filter. */
class GuardFilterTest {
    private static WebServer server;

    @BeforeAll
    static void start() {
        server = WebServer.start(Neighbourhood.create(), "/doorstep", ServletContextHandler.NO_SESSIONS,
                context -> context.addFilter(new FilterHolder(new MisbehavingHostFilter()), "/*",
                        EnumSet.of(DispatcherType.REQUEST)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void failureEscapingIntoTheContainerBecomesAProblemWithoutItsCause() {
        HttpResponse<String> response = server.get("api/v1/sites/hulme/events?host=throw");

        JsonNode problem = problem(response, 500);
        assertThat(problem.path("detail").asText()).doesNotContain("host secret");
        assertThat(response.body()).doesNotContain("host secret").doesNotContain("MisbehavingHostFilter");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void sendErrorAnswersWithAProblemInsteadOfTheContainersErrorPage() {
        HttpResponse<String> response = server.get("api/v1/sites/hulme/events?host=deny");

        JsonNode problem = problem(response, 403);
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isEqualTo("Forbidden");
        assertThat(response.body()).doesNotContain("host secret");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void requestsTheHostLetThroughAreAnsweredAsUsual() {
        assertThat(ApiAssertions.okJson(server.get("api/v1/sites/hulme/tags")).path("tags")).isNotEmpty();
    }

    /** Throws or refuses when the query asks it to, as a buggy or strict host filter might. */
    private static final class MisbehavingHostFilter extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String query = request.getQueryString() == null ? "" : request.getQueryString();
            if (query.contains("host=throw")) {
                throw new IllegalStateException("host secret: the filter broke");
            }
            if (query.contains("host=deny")) {
                response.sendError(403, "host secret: denied");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
