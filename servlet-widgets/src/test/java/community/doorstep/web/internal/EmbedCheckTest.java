package community.doorstep.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import community.doorstep.Doorstep;
import community.doorstep.access.Capability;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.web.testing.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Set;

import static community.doorstep.web.testing.ApiAssertions.json;
import static community.doorstep.web.testing.WidgetAssertions.ok;
import static community.doorstep.web.testing.WidgetAssertions.page;
import static community.doorstep.web.testing.WidgetAssertions.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Why a widget does not show on a page, for the snippet's console, the builder's check and the coordinator. */
class EmbedCheckTest {
    private Doorstep doorstep;
    private WebServer server;

    @BeforeEach
    void start() {
        doorstep = Doorstep.builder().stores(Stores.inMemory()).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership")
                .withAllowedOrigins(Set.of("https://hulmecommunity.org.uk")));
        server = WebServer.start(doorstep, "/doorstep");
    }

    @AfterEach
    void stop() {
        server.close();
        doorstep.close();
    }

    private JsonNode check(String query) {
        HttpResponse<String> answer = server.get("embed/check?" + query);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        return json(answer);
    }

    @Test
    void theCheckSaysInWordsAWebmasterCanActOnWhyAPageMayNotShowAWidget() {
        assertThat(check("site=hulme&widget=events&page=https://hulmecommunity.org.uk/whats-on").get("ok").asBoolean()).isTrue();

        JsonNode elsewhere = check("site=hulme&widget=events&page=https://www.elsewhere.example/news?id=3");
        assertThat(elsewhere.get("ok").asBoolean()).isFalse();
        assertThat(elsewhere.get("problem").asText()).isEqualTo("origin");
        assertThat(elsewhere.get("message").asText()).isEqualTo("This page's address, https://www.elsewhere.example, is not on"
                + " hulme's list of allowed websites: a coordinator adds it on the coordinator page, under \"Websites that may"
                + " show these widgets\".");
        assertThat(check("site=hulme&widget=events&page=https://www.elsewhere.example/&lang=cy").get("message").asText())
                .startsWith("Nid yw cyfeiriad y dudalen hon, https://www.elsewhere.example, ar restr hulme");

        JsonNode site = check("site=hulmee&widget=events&page=https://hulmecommunity.org.uk/");
        assertThat(site.get("problem").asText()).isEqualTo("site");
        assertThat(site.get("message").asText()).contains("no site called \"hulmee\"", "data-site");
        JsonNode widget = check("site=hulme&widget=evnts&page=https://hulmecommunity.org.uk/");
        assertThat(widget.get("problem").asText()).isEqualTo("widget");
        assertThat(widget.get("message").asText()).contains("\"evnts\"", "events", "help", "checkin");
    }

    /** The builder's page (its policy allows its preview frame, so it is not checked as a widget's). */
    private String builder(String query) {
        HttpResponse<String> answer = server.get("w/hulme/embed?" + query);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void theBuilderChecksThePageAWebmasterWillPasteInto() {
        String refused = builder("widget=help&checkPage=https%3A%2F%2Fwww.elsewhere.example%2Fhelp");
        assertThat(refused).contains("id=\"checkPage\"", "value=\"https://www.elsewhere.example/help\"",
                "id=\"builder-check-result\"", "https://www.elsewhere.example, is not on hulme&#39;s list");
        assertThat(builder("checkPage=https%3A%2F%2Fhulmecommunity.org.uk%2F"))
                .contains("https://hulmecommunity.org.uk, is on hulme&#39;s list of allowed websites");
    }

    @Test
    void aCoordinatorAddsAndRemovesTheWebsitesThatMayShowTheWidgets() {
        String admin = "w/hulme/admin/" + doorstep.access().issue("hulme", Capability.SITE_ADMIN, "hulme");
        assertThat(ok(server.get(admin))).contains("Websites that may show these widgets", "https://hulmecommunity.org.uk");
        assertThat(page(post(server, admin, "action", "add-website", "website", "not a site"), 400))
                .contains("Enter a web address starting with https://", "value=\"not a site\"");

        assertThat(ok(post(server, admin, "action", "add-website", "website", "https://www.Elsewhere.example/news/")))
                .contains("https://www.elsewhere.example may now show these widgets.");
        assertThat(check("site=hulme&widget=events&page=https://www.elsewhere.example/").get("ok").asBoolean()).isTrue();
        assertThat(server.get("w/hulme/events").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'self' https://hulmecommunity.org.uk https://www.elsewhere.example");

        ok(post(server, admin, "action", "remove-website", "website", "https://www.elsewhere.example"));
        assertThat(doorstep.sites().requireSite("hulme").allowedOrigins()).containsExactly("https://hulmecommunity.org.uk");
    }
}
