package community.doorstep.web.internal;

import community.doorstep.web.testing.Neighbourhood;
import community.doorstep.web.testing.NeighbourhoodWebTest;
import community.doorstep.web.testing.WidgetAssertions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The embed builder: a plain GET form that writes the snippet and shows a preview of the widget. */
class BuilderPageTest extends NeighbourhoodWebTest {
    private static final String BUILDER = "w/" + Neighbourhood.SITE + "/embed";
    private static final Pattern SNIPPET = Pattern.compile("<textarea id=\"builder-snippet\"[^>]*>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern PREVIEW = Pattern.compile("<iframe id=\"builder-frame\" src=\"([^\"]*)\"");

    private static String page(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").map(type -> type.replace(" ", "").toLowerCase()))
                .hasValue("text/html;charset=utf-8");
        assertThat(response.headers().allValues("Content-Security-Policy")).singleElement().satisfies(policy -> assertThat(policy)
                .startsWith(WidgetAssertions.WIDGET_POLICY).endsWith("; frame-src 'self'")
                .contains("script-src 'self'").doesNotContain("unsafe"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String body = response.body();
        assertThat(body.split("<h1", -1)).hasSize(2);
        // scripts only by address, from this server: no inline script, no inline style
        assertThat(body.replaceAll("<script src=\"/doorstep/assets/(frame|builder)\\.js\\?v=[0-9]+\" defer></script>", ""))
                .doesNotContain("<script").doesNotContain("style=\"").doesNotContainPattern("\\son[a-z]+=");
        return body;
    }

    private static String snippet(String body) {
        Matcher matcher = SNIPPET.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }

    @Test
    void rendersInEnglishWithTheDefaultSnippetAndPreview() {
        String body = page(server.get(BUILDER + "?lang=en"));
        assertThat(body).contains("<html lang=\"en\"", "Put these events on your website", "<legend>What to show</legend>",
                "<legend>Language</legend>", "<legend>How it looks</legend>", "type=\"color\"", "aria-live=\"polite\"",
                "Copy the code", "<label for=\"builder-snippet\">", "readonly", "<option value=\"hulme-central\">");
        String snippet = snippet(body);
        assertThat(snippet).startsWith("&lt;div data-doorstep=&quot;events&quot; data-site=&quot;hulme&quot;&gt;&lt;a href=")
                .contains("&lt;script src=&quot;http://127.0.0.1:").contains("/doorstep/embed.js&quot; async&gt;&lt;/script&gt;");
        Matcher preview = PREVIEW.matcher(body);
        assertThat(preview.find()).isTrue();
        assertThat(preview.group(1)).isEqualTo("/doorstep/w/hulme/events");
    }

    @Test
    void tagsAreChosenByTheirLabelInTheResidentsLanguage() {
        String welsh = server.get("w/hulme/events?lang=cy").body();
        assertThat(welsh).contains("<option value=\"older-people\">Pobl hŷn</option>", "<option value=\"food\">Bwyd</option>")
                .containsSubsequence("Bwyd", "Pobl hŷn");
        assertThat(server.get("w/hulme/events?lang=en").body()).contains("<option value=\"older-people\">Older People</option>");
        assertThat(page(server.get(BUILDER + "?lang=cy"))).contains("<option value=\"older-people\">Pobl hŷn</option>");
    }

    @Test
    void rendersInWelsh() {
        String body = page(server.get(BUILDER + "?lang=cy"));
        assertThat(body).contains("<html lang=\"cy\"", "Rhoi&#39;r digwyddiadau hyn ar eich gwefan", "Copïo&#39;r cod",
                "<input type=\"hidden\" name=\"lang\" value=\"cy\">");
    }

    @Test
    void theChosenOptionsBecomeTheSnippetsAttributesAndThePreview() {
        String body = page(server.get(BUILDER + "?lang=en&widget=month&area=hulme-central&org=lunch-club&widgetLang=cy"
                + "&accent=%23A4000F&text=%23111&background=%23ffffff&font=serif&radius=8&compact=1"));
        String snippet = snippet(body);
        assertThat(snippet).startsWith("&lt;div data-doorstep=&quot;month&quot; data-site=&quot;hulme&quot; "
                + "data-area=&quot;hulme-central&quot; data-org=&quot;lunch-club&quot; data-lang=&quot;cy&quot; "
                + "data-accent=&quot;#a4000f&quot; data-text=&quot;#111&quot; data-background=&quot;#ffffff&quot; "
                + "data-font=&quot;serif&quot; data-radius=&quot;8&quot; data-compact=&quot;1&quot;&gt;");
        Matcher preview = PREVIEW.matcher(body);
        assertThat(preview.find()).isTrue();
        assertThat(preview.group(1)).isEqualTo("/doorstep/w/hulme/events/month?area=hulme-central&amp;org=lunch-club&amp;lang=cy"
                + "&amp;accent=%23a4000f&amp;text=%23111&amp;background=%23ffffff&amp;font=serif&amp;radius=8&amp;compact=1");
        assertThat(body).contains("id=\"builder-widget-month\" name=\"widget\" value=\"month\" checked",
                "<option value=\"serif\" selected>", "value=\"8\"", "id=\"builder-compact\" name=\"compact\" value=\"1\" checked");
        // the builder keeps its own look: the chosen colours go only to the preview
        assertThat(body).doesNotContain("assets/theme.css");
        // the preview is a widget page this server will show in a frame
        HttpResponse<String> widget = server.get(preview.group(1).substring("/doorstep/".length()).replace("&amp;", "&"));
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("frame-ancestors 'self'"));
    }

    @Test
    void invalidValuesAreDroppedAndNeverEchoed() {
        String body = page(server.get(BUILDER + "?lang=en&accent=red%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"
                + "&text=%23abcd&font=comic%3Cb%3E&radius=99&widget=%3Cx%3E&area=nowhere&tag=%3Cb%3Ebold"));
        // the page's own stylesheet says "bold" and names fonts; what matters is everything outside it
        assertThat(body.replaceAll("(?s)<style>.*?</style>", ""))
                .doesNotContain("alert(1)", "#abcd", "comic", "%3Cb", "<b>", "<x>", "nowhere", "bold")
                .contains("could not be used");
        String snippet = snippet(body);
        assertThat(snippet).startsWith("&lt;div data-doorstep=&quot;events&quot; data-site=&quot;hulme&quot;&gt;");
        assertThat(snippet).doesNotContain("data-accent", "data-text", "data-font", "data-radius", "data-area", "data-tags");
        assertThat(body).contains("id=\"builder-accent\" name=\"accent\" value=\"\"");
    }

    @Test
    void anUnknownSiteIsAFriendlyNotFound() {
        assertThat(server.get("w/nowhere/embed").statusCode()).isEqualTo(404);
    }
}
