package community.doorstep.web.internal;

import community.doorstep.access.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static community.doorstep.web.internal.Widgets.Privacy.PRIVATE;

/**
 * The anti-flood guard any feature's public form uses: a honeypot field that bots fill and people never see, and a
 * limit on writes per site and client address. Only accepted writes count, so a resident correcting a refused form
 * loses nothing; a filled honeypot counts, and is answered as if it had succeeded.
 */
public final class FormGuard {
    /** The hidden field's name in every guarded form. */
    public static final String HONEYPOT = "homepage";

    private final Widgets widgets;
    private final RateLimiter limiter;

    public FormGuard(Widgets widgets, RateLimiter limiter) {
        this.widgets = widgets;
        this.limiter = limiter;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Shaped like a real token, so a filled honeypot gets a page no different from a real one; it leads nowhere. */
    public static String decoyToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a robot sent the form: its honeypot is filled. */
    public static boolean isRobot(FormBody body) {
        return body.get(HONEYPOT) != null;
    }

    /** A 429 page in the resident's language when this client has sent as many writes as the site allows for now. */
    public Optional<Response> tooMany(Page page) {
        Optional<Duration> wait = limiter.waitBefore(clientKey(page), page.site().writeAllowance());
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        long minutes = Math.max(1, (seconds + 59) / 60);
        Map<String, Object> model = page.model(page.t("error.tooMany.title"));
        model.put("message", page.t("error.tooMany.text", minutes));
        model.put("home", page.home());
        return Optional.of(Response.fromResponse(widgets.render(page, "error", model, 429, PRIVATE))
                .header("Retry-After", String.valueOf(seconds)).build());
    }

    /** Whether this client may send another write now. */
    public boolean allows(Page page) {
        return limiter.waitBefore(clientKey(page), page.site().writeAllowance()).isEmpty();
    }

    /** Counts one accepted write of this client. */
    public void accepted(Page page) {
        limiter.accepted(clientKey(page), page.site().writeAllowance());
    }

    /** Per site and client address. */
    private static String clientKey(Page page) {
        HttpServletRequest servlet = Widgets.servletRequest(page.request);
        return page.calendar.id() + "|" + (servlet == null ? "unknown" : servlet.getRemoteAddr());
    }
}
