package community.doorstep.web.internal;

import community.doorstep.web.testing.NeighbourhoodWebTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is answered as the asker reads it: a friendly translated page for a browser, problem+json for a program. */
class ErrorsByAcceptTest extends NeighbourhoodWebTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static HttpResponse<String> ask(String method, String path, String accept, String contentType, int bodyBytes) {
        byte[] body = bodyBytes < 0 ? null : "a".repeat(bodyBytes).getBytes(StandardCharsets.UTF_8);
        return server.send(method, path, body, "Accept", accept, "Accept-Language", "cy", "Content-Type", contentType,
                "Origin", server.origin());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "GET    | w/hulme/nothing-here              | 404 | -1    | text/plain                        | Heb ddod o hyd i&#39;r dudalen",
            "GET    | api/v1/nothing-here               | 404 | -1    | text/plain                        | Heb ddod o hyd i&#39;r dudalen",
            "DELETE | w/hulme/events                    | 405 | -1    | text/plain                        | Does dim modd gwneud hyn yma",
            "POST   | w/hulme/submit                    | 413 | 70000 | application/x-www-form-urlencoded | Gormod o destun",
            "POST   | w/hulme/submit                    | 415 | 10    | application/json                  | Does dim modd dangos hyn yma",
    })
    void aBrowserGetsAFriendlyPageInItsLanguage(String method, String path, int status, int body, String type, String words) {
        HttpResponse<String> answer = ask(method, path, BROWSER, type, body);

        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(answer.body()).contains("<html lang=\"cy\"", words);
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'", "frame-ancestors"));
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void askingTheApiForHtmlOnlyIsRefusedWithAPageThatSaysSo() {
        HttpResponse<String> answer = ask("GET", "api/v1/sites/hulme/events", "text/html", "text/plain", -1);

        assertThat(answer.statusCode()).isEqualTo(406);
        assertThat(answer.body()).contains("<html lang=\"cy\"", "Does dim modd dangos hyn yma");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "GET    | w/hulme/nothing-here              | 404 | -1    | text/plain",
            "GET    | api/v1/nothing-here               | 404 | -1    | text/plain",
            "DELETE | w/hulme/events                    | 405 | -1    | text/plain",
            "POST   | w/hulme/submit                    | 413 | 70000 | application/x-www-form-urlencoded",
            "POST   | w/hulme/submit                    | 415 | 10    | application/json",
    })
    void aProgramGetsProblemJson(String method, String path, int status, int body, String type) {
        for (String accept : new String[]{"application/json", "*/*", "application/problem+json, text/html;q=0.5"}) {
            HttpResponse<String> answer = ask(method, path, accept, type, body);

            assertThat(answer.statusCode()).as(accept).isEqualTo(status);
            assertThat(answer.headers().firstValue("Content-Type")).as(accept)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).as(accept).contains("\"status\":" + status);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }
}
