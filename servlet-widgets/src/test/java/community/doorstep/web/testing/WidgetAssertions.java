package community.doorstep.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.doorstep.web.internal.InlineStyles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading and checking the HTML widgets' answers in tests. */
public final class WidgetAssertions {
    public static final String WIDGET_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' " + InlineStyles.POLICY_SOURCE
            + "; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";
    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
    /** The one script a page may run: the frame script that reports its height to the embedding page. */
    private static final Pattern FRAME_SCRIPT = Pattern.compile(
            "<script src=\"/[^\"]*assets/frame\\.js\\?v=[0-9]+\" defer( data-parent-origin=\"[^\"]+\")?></script>");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WidgetAssertions() {
    }

    /** An HTML page with the given status and every widget header, its body returned. */
    public static String page(HttpResponse<String> response, int status) {
        String answer = response.request().method() + " " + response.uri() + " -> " + response.statusCode();
        assertThat(response.statusCode()).as(answer + "\n" + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").map(type -> type.replace(" ", "").toLowerCase()))
                .as(answer).hasValue("text/html;charset=utf-8");
        // a site's allowed origins may follow frame-ancestors 'self'
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(answer)
                .hasValueSatisfying(policy -> assertThat(policy).matches(Pattern.quote(WIDGET_POLICY) + "( https?://[^ ;]+)*"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(answer).hasValue("nosniff");
        assertThat(response.headers().allValues("Set-Cookie")).as(answer).isEmpty();
        assertThat(FRAME_SCRIPT.matcher(response.body()).results().count()).as(answer + ": the frame script, once").isEqualTo(1);
        String markup = FRAME_SCRIPT.matcher(JSON_LD.matcher(response.body()).replaceAll("")).replaceAll("");
        assertThat(markup).as(answer).startsWith("<!DOCTYPE html>").contains("<main id=\"main\"")
                .doesNotContain("<script").doesNotContain("style=\"");
        assertThat(response.body().split("<h1", -1)).as("exactly one h1").hasSize(2);
        return response.body();
    }

    public static String ok(HttpResponse<String> response) {
        return page(response, 200);
    }

    /** A page that carries a secret or a private answer: never stored, never referred. */
    public static void assertPrivate(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }

    /** The page's JSON-LD block, parsed. */
    public static JsonNode jsonLd(String body) {
        Matcher matcher = JSON_LD.matcher(body);
        assertThat(matcher.find()).as("a JSON-LD block").isTrue();
        try {
            return MAPPER.readTree(matcher.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + matcher.group(1), e);
        }
    }

    /** A form body from name/value pairs. */
    public static byte[] form(String... pairs) {
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            body.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A form post as the server's own page sends it. */
    public static HttpResponse<String> post(WebServer server, String path, String... pairs) {
        return server.send("POST", path, form(pairs), "Content-Type", "application/x-www-form-urlencoded",
                "Origin", server.origin());
    }

    /** The first link in a body whose address starts with the given text, unescaped. */
    public static String link(String body, String start) {
        Matcher matcher = Pattern.compile("href=\"(" + Pattern.quote(start) + "[^\"]*)\"").matcher(body);
        assertThat(matcher.find()).as("a link starting " + start).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }
}
