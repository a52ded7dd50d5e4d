package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.web.Authorizer;
import community.doorstep.access.RateLimiter;
import org.glassfish.jersey.server.model.Resource;

import java.time.Duration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one mount while the features add theirs, and what they need to answer them. A path is one
 * resource, whoever adds to it: the shared layer and every feature put their children on the same
 * {@code w/{site}} and {@code api/v1/sites/{site}}.
 */
public final class WebRoutes {
    /** Where the JSON API's per-site resources start, under the mount. */
    public static final String SITES = "api/v1/sites/";

    private final Doorstep doorstep;
    private final Authorizer authorizer;
    private final Widgets widgets;
    private final boolean writeLimits;
    private final Map<String, Resource.Builder> resources = new LinkedHashMap<>();

    WebRoutes(Doorstep doorstep, Authorizer authorizer, Widgets widgets, boolean writeLimits) {
        this.doorstep = doorstep;
        this.writeLimits = writeLimits;
        this.authorizer = authorizer;
        this.widgets = widgets;
    }

    /** The Doorstep this mount serves. */
    public Doorstep doorstep() {
        return doorstep;
    }

    /** The host's say over pages for people it signed in, such as the coordinator's. */
    public Authorizer authorizer() {
        return authorizer;
    }

    /** Rendering, headers, error pages and form checks for widget pages. */
    public Widgets widgets() {
        return widgets;
    }

    /**
     * A limit on anonymous writes per site and client: a burst, then one write per {@code refill}. A mount made for
     * load tests has none (the demo's {@code --no-rate-limits}, which says so loudly).
     */
    public RateLimiter writeLimiter(int burst, Duration refill) {
        return new RateLimiter(doorstep.clock(), writeLimits ? burst : Integer.MAX_VALUE / 2, refill);
    }

    /** The resource at a path under the mount, such as {@code feeds/{site}}: the same one each time it is asked for. */
    public Resource.Builder resource(String path) {
        return resources.computeIfAbsent(path, name -> Resource.builder(name));
    }

    /** A site's JSON API, {@code api/v1/sites/{site}}. */
    public Resource.Builder api() {
        return resource(SITES + "{site}");
    }

    /** A site's widget pages, {@code w/{site}}. */
    public Resource.Builder widgetPages() {
        return resource("w/{site}");
    }

    List<Resource> build() {
        return resources.values().stream().map(Resource.Builder::build).toList();
    }
}
