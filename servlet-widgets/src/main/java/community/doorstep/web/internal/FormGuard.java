package community.doorstep.web.internal;

import community.doorstep.access.AccessService;
import community.doorstep.access.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static community.doorstep.web.internal.Widgets.Privacy.PRIVATE;

/**
 * The anti-flood guard any feature's public form uses: a honeypot field that bots fill and people never see, and a
 * limit on writes per site and client address. A form takes its write before it stores anything, in one step, so
 * many sent at once cannot all pass; a write not {@linkplain #accepted accepted} by the time the answer is made is
 * given back ({@link #settle}), so a resident correcting a refused form loses nothing. A filled honeypot counts, and
 * is answered as if it had succeeded.
 */
public final class FormGuard {
    /** The hidden field's name in every guarded form. */
    public static final String HONEYPOT = "homepage";
    /** The request property holding the give-back of a write taken and not yet accepted. */
    private static final String TAKEN = FormGuard.class.getName() + ".taken";

    private final Widgets widgets;
    private final RateLimiter limiter;

    public FormGuard(Widgets widgets, RateLimiter limiter) {
        this.widgets = widgets;
        this.limiter = limiter;
    }

    /** Shaped like a real token, so a filled honeypot gets a page no different from a real one; it leads nowhere. */
    public static String decoyToken() {
        return AccessService.newToken();
    }

    /** Whether a robot sent the form: its honeypot is filled. */
    public static boolean isRobot(FormBody body) {
        return body.get(HONEYPOT) != null;
    }

    /**
     * Takes one of this client's writes for the form being sent; when none is left, a 429 page in the resident's
     * language instead.
     */
    public Optional<Response> tooMany(Page page) {
        Optional<Duration> wait = take(page);
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

    /** Takes one of this client's writes, as {@link #tooMany} does; whether there was one. */
    public boolean allows(Page page) {
        return take(page).isEmpty();
    }

    /** Keeps the write taken for this request: what it sent was stored. */
    public void accepted(Page page) {
        page.request.removeProperty(TAKEN);
    }

    /** Gives back the write taken for this request if it was not accepted; the form's wrapper calls it once answered. */
    static void settle(ContainerRequestContext request) {
        if (request.getProperty(TAKEN) instanceof Runnable giveBack) {
            request.removeProperty(TAKEN);
            giveBack.run();
        }
    }

    private Optional<Duration> take(Page page) {
        String key = clientKey(page);
        int allowance = page.site().writeAllowance();
        Optional<Duration> wait = limiter.tryAcquire(key, allowance);
        if (wait.isEmpty()) {
            page.request.setProperty(TAKEN, (Runnable) () -> limiter.refund(key, allowance));
        }
        return wait;
    }

    /** Per site and client address. */
    private static String clientKey(Page page) {
        HttpServletRequest servlet = Widgets.servletRequest(page.request);
        return page.calendar.id() + "|" + (servlet == null ? "unknown" : servlet.getRemoteAddr());
    }
}
