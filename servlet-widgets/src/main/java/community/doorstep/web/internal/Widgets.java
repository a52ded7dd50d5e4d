package community.doorstep.web;

import community.doorstep.Doorstep;
import community.doorstep.ForbiddenException;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import community.doorstep.access.RateLimiter;
import community.doorstep.site.Site;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import static community.doorstep.web.Routes.HTML;
import static community.doorstep.web.Routes.get;
import static community.doorstep.web.Routes.post;

/**
 * The HTML widgets under {@code w/{site}/…} and their stylesheets under {@code assets/}: routes, the headers
 * every page gets, friendly error pages and the checks every form post passes first.
 */
final class Widgets {
    /** Origins a site may list for embedding; anything else never reaches a header. */
    static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?");
    static final String CSS = "text/css; charset=utf-8";
    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    /**
     * The embed script at its plain address, which webmasters paste once and never change: kept a week, so a fix
     * reaches every host page soon. Its {@code ?v=} address and the widgets' frame script are kept a year.
     */
    static final String EMBED_CACHE = "public, max-age=604800";
    static final String NO_STORE = "no-store";
    /** The stylesheet's address carries its version, so it can be kept for a year. */
    static final String LONG_CACHE = "public, max-age=31536000, immutable";

    /**
     * Who may see a page: anyone (cacheable), only its holder (a secret link or a form's private answer: never
     * stored, no referrer), or a coordinator the host signed in (never stored; no secret in its address, so
     * same-origin referrers let browsers send the {@code Origin} its forms are checked by).
     */
    enum Privacy { PUBLIC, PRIVATE, SIGNED_IN }

    private final Doorstep doorstep;
    private final Templates templates;
    private final byte[] stylesheet;
    private final byte[] embedScript;
    private final byte[] frameScript;
    private final byte[] builderScript;

    Widgets(Doorstep doorstep, Templates templates, Authorizer authorizer) {
        this.doorstep = doorstep;
        this.templates = templates;
        this.stylesheet = read(Widgets.class, "assets/doorstep.css");
        this.embedScript = read(Widgets.class, "/community/doorstep/embed/embed.min.js");
        this.frameScript = read(Widgets.class, "/community/doorstep/embed/frame.min.js");
        this.builderScript = read(Widgets.class, "/community/doorstep/embed/builder.min.js");
        this.authorizer = authorizer;
        // a burst of five suggestions, then one every two minutes, per site and client address
        this.submissions = new RateLimiter(doorstep.clock(), 5, Duration.ofMinutes(2));
    }

    private final Authorizer authorizer;
    private final RateLimiter submissions;

    List<Resource> resources() {
        EventPages events = new EventPages(doorstep, this);
        SubmissionPages submit = new SubmissionPages(doorstep, this, submissions);
        CoordinatorPages coordinators = new CoordinatorPages(doorstep, this, authorizer);
        Resource.Builder site = Resource.builder("w/{site}");
        get(site, "events", HTML, page(events::list));
        get(site, "events/month", HTML, page(events::month));
        get(site, "events/{eventId}", HTML, page(events::event));
        get(site, "submit", HTML, page(submit::form));
        get(site, "embed", HTML, page(new BuilderPage(doorstep, this)::builder));
        post(site, "submit", form(submit::submit, false));
        get(site, "manage/{token}", HTML, page(submit::manage));
        post(site, "manage/{token}", form(submit::change, true));
        get(site, "admin", HTML, page(coordinators::adminSignedIn));
        post(site, "admin", form(coordinators::adminSignedInPost, false));
        get(site, "admin/{token}", HTML, page(coordinators::admin));
        post(site, "admin/{token}", form(coordinators::adminPost, true));
        get(site, "organiser/{token}", HTML, page(coordinators::organiser));
        post(site, "organiser/{token}", form(coordinators::organiserPost, true));

        Resource.Builder assets = Resource.builder("assets");
        get(assets, "doorstep.css", CSS, request -> Response.ok(stylesheet).header(HttpHeaders.CONTENT_TYPE, CSS)
                .header(HttpHeaders.CACHE_CONTROL, LONG_CACHE).build());
        get(assets, "theme.css", CSS, request -> Response.ok(Theme.read(request.getUriInfo().getQueryParameters())
                .css().getBytes(StandardCharsets.UTF_8)).header(HttpHeaders.CONTENT_TYPE, CSS).build());
        get(assets, "frame.js", JAVASCRIPT, request -> script(frameScript, LONG_CACHE));
        get(assets, "builder.js", JAVASCRIPT, request -> script(builderScript, LONG_CACHE));

        Resource.Builder embed = Resource.builder("embed.js");
        embed.addMethod(jakarta.ws.rs.HttpMethod.GET).produces(JAVASCRIPT).handledBy(new Routes.Handler(request ->
                script(embedScript, request.getUriInfo().getQueryParameters().containsKey("v") ? LONG_CACHE : EMBED_CACHE)));
        return List.of(site.build(), assets.build(), embed.build());
    }

    /** A GET page: unknown sites, events and links become friendly pages rather than problem+json. */
    private Function<ContainerRequestContext, Response> page(Function<Page, Response> handler) {
        return request -> {
            Page page;
            try {
                page = Page.of(doorstep, request);
            } catch (NotFoundException e) {
                return error(Page.siteless(request), 404, "error.site");
            }
            return guarded(page, () -> handler.apply(page));
        };
    }

    /**
     * A form post: refused with a friendly 403 unless it comes from this server's own pages or an origin the
     * site allows, checked by {@code Origin} (or {@code Referer} without it) since there is no cookie to
     * carry a token. Routes whose path holds a secret link accept an opaque {@code Origin: null}: their pages
     * send no referrer (so browsers send that), and a cross-site page cannot know the secret anyway.
     */
    private Function<ContainerRequestContext, Response> form(BiFunction<Page, FormBody, Response> handler,
                                                             boolean pathHoldsSecret) {
        return request -> {
            Page page;
            try {
                page = Page.of(doorstep, request);
            } catch (NotFoundException e) {
                return error(Page.siteless(request), 404, "error.site");
            }
            if (!fromAllowedOrigin(page, pathHoldsSecret)) {
                return error(page, 403, "error.crossSite");
            }
            FormBody body = FormBody.read(entity(request));
            if (body == null) {
                return error(page, 413, "error.tooLarge");
            }
            return guarded(page, () -> handler.apply(page, body));
        };
    }

    private Response guarded(Page page, java.util.function.Supplier<Response> handler) {
        try {
            return handler.get();
        } catch (NotFoundException | ForbiddenException e) {
            // the same answer for "never existed" and "withdrawn": a page must not confirm that a link was real
            return error(page, 404, "error.notFound");
        } catch (InvalidInputException e) {
            return error(page, 400, "error.badRequest");
        }
    }

    private static InputStream entity(ContainerRequestContext request) {
        return request instanceof ContainerRequest container ? container.getEntityStream() : request.getEntityStream();
    }

    boolean fromAllowedOrigin(Page page, boolean acceptOpaque) {
        String origin = page.request.getHeaderString("Origin");
        if (origin == null) {
            origin = originOf(page.request.getHeaderString("Referer"));
        } else if (origin.equals("null")) {
            return acceptOpaque;
        }
        if (origin == null) {
            return false;
        }
        return origin.equalsIgnoreCase(page.ownOrigin()) || page.site().allowedOrigins().contains(origin);
    }

    private static String originOf(String referer) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = new URI(referer);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null
                    : uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The servlet request behind a Jersey one, which {@link GuardFilter} left for us. */
    static HttpServletRequest servletRequest(ContainerRequestContext request) {
        return (HttpServletRequest) request.getProperty(GuardFilter.SERVLET_REQUEST);
    }

    /** Renders a page with the widget headers. */
    Response render(Page page, String template, Map<String, Object> model, int status, Privacy privacy) {
        byte[] body = templates.render(template, model, page.locale);
        Response.ResponseBuilder response = Response.status(status).entity(body)
                .header(HttpHeaders.CONTENT_TYPE, HTML)
                .header("Content-Language", page.locale.toLanguageTag())
                .header("Content-Security-Policy", policy(page))
                .header(HttpHeaders.VARY, "Accept-Language");
        if (privacy == Privacy.PRIVATE) {
            response.header(HttpHeaders.CACHE_CONTROL, NO_STORE).header("Referrer-Policy", "no-referrer");
        } else if (privacy == Privacy.SIGNED_IN) {
            response.header(HttpHeaders.CACHE_CONTROL, NO_STORE).header("Referrer-Policy", "same-origin");
        } else {
            // same-origin, not no-referrer: browsers then send Origin with the page's own form posts,
            // and still tell other sites (maps, booking pages) nothing
            response.header("Referrer-Policy", "same-origin");
            if (status != 200 || !"GET".equals(page.request.getMethod()) && !"HEAD".equals(page.request.getMethod())) {
                response.header(HttpHeaders.CACHE_CONTROL, NO_STORE);
            }
        }
        return response.build();
    }

    /** A friendly error page in the resident's language. */
    Response error(Page page, int status, String messageKey) {
        Map<String, Object> model = page.model(page.t(messageKey + ".title"));
        model.put("message", page.t(messageKey + ".text"));
        model.put("home", page.calendar == null ? null : page.link("events"));
        return render(page, "error", model, status, Privacy.PRIVATE);
    }

    /**
     * The widget policy: scripts (only the frame script, which reports the page's height) and the theme stylesheet
     * from here, the page's own inline stylesheet by its hash, framed only where the site allows.
     */
    static String policy(Page page) {
        StringBuilder ancestors = new StringBuilder("'self'");
        if (page.calendar != null) {
            Site site = page.site();
            site.allowedOrigins().stream().filter(origin -> ORIGIN.matcher(origin).matches()).sorted()
                    .forEach(origin -> ancestors.append(' ').append(origin));
        }
        return "default-src 'none'; script-src 'self'; style-src 'self' " + InlineStyles.POLICY_SOURCE
                + "; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors " + ancestors;
    }

    private static Response script(byte[] body, String cacheControl) {
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, JAVASCRIPT).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                // host pages on other sites load the embed script
                .header("Cross-Origin-Resource-Policy", "cross-origin").build();
    }

    private static byte[] read(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path (the doorstep-js-embed or "
                        + "doorstep-servlet-widgets jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
