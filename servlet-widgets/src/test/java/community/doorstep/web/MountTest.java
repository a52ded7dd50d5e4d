package community.doorstep.web;

import community.doorstep.Doorstep;
import community.doorstep.web.testing.ApiAssertions;
import community.doorstep.web.testing.Neighbourhood;
import community.doorstep.web.testing.WebServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MountTest {
    @Test
    void mountsAtTheRootWithAnEmptyPrefix() {
        try (WebServer server = WebServer.start(Neighbourhood.create(), "")) {
            var page = ApiAssertions.okJson(server.get(Neighbourhood.EVENTS + "?q=repair"));

            assertThat(page.path("occurrences").get(0).path("links").path("self").asText())
                    .startsWith("/" + Neighbourhood.EVENTS + "/");
        }
    }

    @Test
    void mountsUnderANestedPrefixWithItsLinksThere() {
        try (WebServer server = WebServer.start(Neighbourhood.create(), "/community/doorstep")) {
            var page = ApiAssertions.okJson(server.get(Neighbourhood.EVENTS + "?q=repair"));

            assertThat(page.path("occurrences").get(0).path("links").path("ics").asText())
                    .startsWith("/community/doorstep/" + Neighbourhood.EVENTS + "/").endsWith(".ics");
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"doorstep", "/door step", "/doorstep/*", "//", "/a//b"})
    void refusesAPrefixThatIsNotAPlainPath(String prefix) {
        ServletContextHandler context = new ServletContextHandler();
        try (Doorstep doorstep = Neighbourhood.create()) {
            assertThatThrownBy(() -> DoorstepWeb.mount(context.getServletContext(), prefix, doorstep))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("prefix");
        }
    }
}
