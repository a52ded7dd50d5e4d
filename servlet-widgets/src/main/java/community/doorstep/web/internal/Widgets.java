package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.ForbiddenException;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import community.doorstep.site.Site;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static community.doorstep.web.internal.Routes.HTML;
import static community.doorstep.web.internal.Routes.get;

/**
 * The HTML widgets under {@code w/{site}/…}: the headers every page gets, friendly error pages and the checks every
 * form post passes first, for every feature's pages; and the routes they share: the embed builder, the stylesheets
 * under {@code assets/} and the scripts.
 */
public final class Widgets {
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
    public static final String LONG_CACHE = "public, max-age=31536000, immutable";

    /**
     * Who may see a page: anyone (cacheable), only its holder (a secret link or a form's private answer: never
     * stored, no referrer), or a coordinator the host signed in (never stored; no secret in its address, so
     * same-origin referrers let browsers send the {@code Origin} its forms are checked by).
     */
    public enum Privacy { PUBLIC, PRIVATE, SIGNED_IN }

    private final Doorstep doorstep;
    private final Templates templates;
    private final Messages messages;
    private final List<NavEntry> nav;
    private final KnownParameters known;
    private final List<EmbedWidget> embedWidgets;
    private final byte[] stylesheet;
    private final byte[] embedScript;
    private final byte[] frameScript;
    private final byte[] builderScript;

    Widgets(Doorstep doorstep, Templates templates, Messages messages, List<WebFeature> features) {
        this.doorstep = doorstep;
        this.templates = templates;
        this.messages = messages;
        this.nav = features.stream().flatMap(feature -> feature.nav().stream()).toList();
        this.known = new KnownParameters(features);
        this.embedWidgets = features.stream().flatMap(feature -> feature.embedWidgets().stream()).toList();
        requireUnique(nav.stream().map(NavEntry::name).toList(), "navigation entry");
        requireUnique(embedWidgets.stream().map(EmbedWidget::name).toList(), "embed widget");
        this.stylesheet = read(InlineStyles.RESOURCE);
        // the embed and builder scripts learn the registered widgets from the table written into them here
        this.embedScript = WidgetTable.fill(read("/community/doorstep/embed/embed.min.js"), embedWidgets);
        this.frameScript = read("/community/doorstep/embed/frame.min.js");
        this.builderScript = WidgetTable.fill(read("/community/doorstep/embed/builder.min.js"), embedWidgets);
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalStateException("two features register the " + what + " \"" + name + "\"");
            }
        }
    }

    /** The widgets a webmaster can embed, every feature's, in the order they were registered. */
    List<EmbedWidget> embedWidgets() {
        return embedWidgets;
    }

    /** The routes every feature shares: the embed builder, the stylesheets and the scripts. */
    void addRoutes(WebRoutes routes) {
        if (!embedWidgets.isEmpty()) {
            get(routes.widgetPages(), "embed", HTML, page(new BuilderPage(doorstep, this)::builder));
        }

        Resource.Builder assets = routes.resource("assets");
        get(assets, "doorstep.css", CSS, request -> Response.ok(stylesheet).header(HttpHeaders.CONTENT_TYPE, CSS)
                .header(HttpHeaders.CACHE_CONTROL, LONG_CACHE).build());
        get(assets, "theme.css", CSS, request -> Response.ok(Theme.read(request.getUriInfo().getQueryParameters())
                .css().getBytes(StandardCharsets.UTF_8)).header(HttpHeaders.CONTENT_TYPE, CSS).build());
        get(assets, "frame.js", JAVASCRIPT, request -> script(frameScript, LONG_CACHE));
        get(assets, "builder.js", JAVASCRIPT, request -> script(builderScript, LONG_CACHE));

        // why a widget does not show on a page, for the snippet's console message: public facts, readable from any page
        Resource.Builder check = routes.resource("embed/check");
        check.addMethod(HttpMethod.GET).produces("application/json").handledBy(new Routes.Handler(request -> {
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
            URI base = request.getUriInfo().getBaseUri();
            EmbedCheck result = EmbedCheck.of(doorstep, embedWidgets, base.getScheme() + "://" + base.getRawAuthority(),
                    query.getFirst("site"), query.getFirst("widget"), query.getFirst("page"));
            String asked = query.getFirst("lang");
            Locale language = Locale.forLanguageTag(asked != null && Language.TRANSLATED.contains(asked) ? asked : "en");
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ok", result.ok());
            answer.put("problem", result.problem());
            answer.put("message", Templates.translate(messages.forLocale(language), result.messageKey(),
                    result.arguments().toArray()));
            return Response.fromResponse(Routes.json(answer)).header("Access-Control-Allow-Origin", "*")
                    .header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
        }));

        Resource.Builder embed = routes.resource("embed.js");
        embed.addMethod(HttpMethod.GET).produces(JAVASCRIPT).handledBy(new Routes.Handler(request ->
                script(embedScript, request.getUriInfo().getQueryParameters().containsKey("v") ? LONG_CACHE : EMBED_CACHE)));
    }

    /** A GET page: unknown sites, events and links become friendly pages rather than problem+json. */
    public Function<ContainerRequestContext, Response> page(Function<Page, Response> handler) {
        return request -> onSitePage(request, page -> guarded(page, () -> handler.apply(page)));
    }

    /**
     * A form post: refused with a friendly 403 unless it comes from this server's own pages or an origin the
     * site allows, checked by {@code Origin} (or {@code Referer} without it) since there is no cookie to
     * carry a token. Routes whose path holds a secret link accept an opaque {@code Origin: null}: their pages
     * send no referrer (so browsers send that), and a cross-site page cannot know the secret anyway.
     */
    public Function<ContainerRequestContext, Response> form(BiFunction<Page, FormBody, Response> handler,
                                                            boolean pathHoldsSecret) {
        return request -> onSitePage(request, page -> {
            if (!fromAllowedOrigin(page, pathHoldsSecret)) {
                return error(page, 403, "error.crossSite");
            }
            FormBody body = FormBody.read(entity(request));
            if (body == null) {
                return error(page, 413, "error.tooLarge");
            }
            try {
                return guarded(page, () -> handler.apply(page, body));
            } finally {
                FormGuard.settle(request);
            }
        });
    }

    /** The page for the site in the path, given to {@code then}; an unknown site gets the friendly 404. */
    private Response onSitePage(ContainerRequestContext request, Function<Page, Response> then) {
        Page page;
        try {
            page = Page.of(doorstep, request, messages, nav, known);
        } catch (NotFoundException e) {
            return error(Page.siteless(request, messages, known), 404, "error.site");
        }
        return then.apply(page);
    }

    private Response guarded(Page page, Supplier<Response> handler) {
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
    public static HttpServletRequest servletRequest(ContainerRequestContext request) {
        return (HttpServletRequest) request.getProperty(GuardFilter.SERVLET_REQUEST);
    }

    /** Renders a page with the widget headers. */
    public Response render(Page page, String template, Map<String, Object> model, int status, Privacy privacy) {
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

    /**
     * The friendly page for an error status, in the resident's language, for a site's widget address (framed where
     * the site allows) or for any other.
     */
    Response errorPage(ContainerRequestContext request, String siteId, int status) {
        Page page;
        try {
            page = siteId == null ? Page.siteless(request, messages, known)
                    : Page.of(doorstep, request, siteId, messages, nav, known);
        } catch (NotFoundException e) {
            page = Page.siteless(request, messages, known);
        }
        String key = switch (status) {
            case 400 -> "error.badRequest";
            case 403, 404 -> "error.notFound";
            case 405 -> "error.method";
            case 406, 415 -> "error.mediaType";
            case 409 -> "error.conflict";
            case 413 -> "error.tooLarge";
            default -> status >= 500 ? "error.server" : "error.badRequest";
        };
        return error(page, status, key);
    }

    /** A friendly error page in the resident's language. */
    Response error(Page page, int status, String messageKey) {
        Map<String, Object> model = page.model(page.t(messageKey + ".title"));
        model.put("message", page.t(messageKey + ".text"));
        model.put("home", page.home());
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

    private static byte[] read(String resource) {
        try (InputStream in = Widgets.class.getResourceAsStream(resource)) {
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
