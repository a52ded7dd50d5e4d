package community.doorstep.web.internal;

import community.doorstep.web.DoorstepWeb;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What a container's error handler sends for a request it refused itself, negotiated where it can be. */
class ContainerErrorsTest {
    private static String body(DoorstepWeb.ErrorAnswer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aProgramGetsProblemJson() {
        DoorstepWeb.ErrorAnswer answer = DoorstepWeb.containerError("/doorstep", 414, "application/json", null);

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(body(answer)).contains("\"status\":414");
        assertThat(answer.headers()).containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Cache-Control", "no-store");
    }

    @Test
    void aPersonGetsAFriendlyPageInTheirLanguage() {
        DoorstepWeb.ErrorAnswer answer = DoorstepWeb.containerError("/doorstep", 431,
                "text/html,application/xhtml+xml,*/*;q=0.8", "cy-GB,cy;q=0.9,en;q=0.5");

        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(body(answer)).contains("<html lang=\"cy\"", "Gormod o destun", "/doorstep/assets/frame.js");
        assertThat(answer.headers().get("Content-Security-Policy")).contains("default-src 'none'", "style-src 'self' 'sha256-");
    }

    @Test
    void withoutHeadersThePageIsForAPerson() {
        DoorstepWeb.ErrorAnswer answer = DoorstepWeb.containerError("/doorstep", 400, null, null);

        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(body(answer)).contains("<html lang=\"en\"", "Something in the address is not right");
    }
}
