package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.site.Site;
import community.doorstep.web.testing.Neighbourhood;
import community.doorstep.web.testing.WebServer;
import community.doorstep.web.testing.WidgetAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Set;

import static community.doorstep.web.testing.WidgetAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The embed script, the frame script, and the checked parent origin widget pages hand the frame script. */
class EmbedScriptsTest {
    private static final String HOST = "https://hulmecommunity.org.uk";
    private static WebServer server;

    @BeforeAll
    static void start() {
        Doorstep doorstep = Neighbourhood.create();
        Site site = doorstep.sites().findSite(Neighbourhood.SITE).orElseThrow();
        doorstep.sites().saveSite(new Site(site.id(), site.name(), site.zone(), site.languages(), Set.of(HOST),
                site.trustedFeedHosts()));
        server = WebServer.start(doorstep, "/doorstep");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void embedScriptIsServedMinifiedAndCached() {
        HttpResponse<String> plain = server.get("embed.js");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue(Widgets.JAVASCRIPT);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue(Widgets.EMBED_CACHE);
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(plain.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(plain.body()).contains("doorstep:height", "data-doorstep").doesNotContain("/*");

        HttpResponse<String> versioned = server.get("embed.js?v=1");
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().firstValue("Cache-Control")).hasValue(Widgets.LONG_CACHE);
        assertThat(versioned.body()).isEqualTo(plain.body());
    }

    @Test
    void frameScriptIsServedForAYear() {
        HttpResponse<String> frame = server.get("assets/frame.js?v=" + Page.ASSET_VERSION);
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(frame.headers().firstValue("Content-Type")).hasValue(Widgets.JAVASCRIPT);
        assertThat(frame.headers().firstValue("Cache-Control")).hasValue(Widgets.LONG_CACHE);
        assertThat(frame.body()).contains("doorstep:height", "data-parent-origin");
    }

    @Test
    void anAllowedParentOriginReachesTheFrameScriptAndStaysOnLinks() {
        HttpResponse<String> response = server.get("w/hulme/events?parentOrigin=" + Page.encode(HOST));
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue(WidgetAssertions.WIDGET_POLICY + " " + HOST);
        String body = ok(response);
        assertThat(body).contains("<script src=\"/doorstep/assets/frame.js?v=" + Page.ASSET_VERSION
                + "\" defer data-parent-origin=\"" + HOST + "\"></script>");
        assertThat(body).contains("href=\"/doorstep/w/hulme/events/month?parentOrigin=https%3A%2F%2Fhulmecommunity.org.uk\"");
    }

    @Test
    void theServersOwnOriginIsAllowedToo() {
        String own = server.origin();
        String body = ok(server.get("w/hulme/events?parentOrigin=" + Page.encode(own)));
        assertThat(body).contains("data-parent-origin=\"" + own + "\"");
    }

    @Test
    void anyOtherParentOriginIsNeverEchoed() {
        for (String origin : new String[] {"https://evil.example", "https://hulmecommunity.org.uk.evil.example",
                "javascript:alert(1)", "\"><script>alert(1)</script>", "null"}) {
            String body = ok(server.get("w/hulme/events?parentOrigin=" + Page.encode(origin)));
            assertThat(body).as(origin).doesNotContain("data-parent-origin").doesNotContain("parentOrigin=");
        }
    }
}
