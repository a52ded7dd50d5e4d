package community.doorstep.web.internal;

import community.doorstep.access.RateLimiter;
import community.doorstep.site.Site;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * The limit on a feature's anonymous API writes, per site and client address: a 429 while the client has sent as
 * many as allowed; only writes that succeed count, so a client correcting a refused body loses nothing.
 */
public final class ApiWrites {
    private final RateLimiter limiter;

    public ApiWrites(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /**
     * Runs the write unless the client is over the limit (the site's {@link Site#writeAllowance()} times the usual):
     * the write is taken first, in one step, and given back if it fails.
     */
    public Response limited(ContainerRequestContext request, Site site, Supplier<Response> write) {
        HttpServletRequest servlet = Widgets.servletRequest(request);
        String key = site.id() + "|" + (servlet == null ? "unknown" : servlet.getRemoteAddr());
        if (limiter.tryAcquire(key, site.writeAllowance()).isPresent()) {
            throw new WebApplicationException(Response.status(429).build());
        }
        try {
            return write.get();
        } catch (RuntimeException refused) {
            limiter.refund(key, site.writeAllowance());
            throw refused;
        }
    }
}
