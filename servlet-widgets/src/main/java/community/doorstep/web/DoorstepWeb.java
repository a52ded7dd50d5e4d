package community.doorstep.web;

import community.doorstep.Doorstep;
import community.doorstep.web.internal.CachedReadsFilter;
import community.doorstep.web.internal.ContainerErrors;
import community.doorstep.web.internal.GuardFilter;
import community.doorstep.web.internal.WebApplication;
import community.doorstep.web.internal.WebFeature;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.glassfish.jersey.servlet.ServletContainer;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mounts Doorstep's web face (the JSON API and the iCal feeds) into any Servlet 6 container.
 *
 * <p>Call it while the web application starts, from a {@code ServletContextListener} or a
 * {@code ServletContainerInitializer}:
 *
 * <pre>{@code
 * public void contextInitialized(ServletContextEvent event) {
 *     DoorstepWeb.mount(event.getServletContext(), "/doorstep", doorstep);
 * }
 * }</pre>
 *
 * Everything is then served under the prefix: {@code /doorstep/api/v1/sites/{site}/events} and the rest of
 * the API, {@code /doorstep/feeds/{site}/events.ics}, and the HTML widgets under {@code /doorstep/w/{site}/}.
 * Responses never set a cookie and never start a session.
 *
 * <p>Widget templates can be replaced by putting a Pebble template of the same name under
 * {@code doorstep-templates/} on the web application's class path.
 */
public final class DoorstepWeb {
    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

    private DoorstepWeb() {
    }

    /**
     * Registers Doorstep's filter and servlet on the context, under {@code prefix + "/*"}.
     *
     * @param context  the web application's context, still initialising
     * @param prefix   where to mount, such as {@code "/doorstep"}; {@code ""} or {@code "/"} for the root
     * @param doorstep the Doorstep to serve; the host keeps it and closes it when the application stops
     * @throws IllegalArgumentException if the prefix is not a plain path
     * @throws IllegalStateException    if something is already mounted there or the context has started
     */
    public static void mount(ServletContext context, String prefix, Doorstep doorstep) {
        mount(context, prefix, doorstep, Authorizer.NOBODY);
    }

    /**
     * As {@link #mount(ServletContext, String, Doorstep)}, with the host deciding who may open a site's
     * coordinator page at {@code w/{site}/admin} without a token.
     *
     * @param authorizer asked on every request to the coordinator page without a token
     */
    public static void mount(ServletContext context, String prefix, Doorstep doorstep, Authorizer authorizer) {
        mount(context, prefix, doorstep, authorizer, WriteLimits.ON);
    }

    /** Whether anonymous writes (suggestions, offers, claims) are limited per site and client. */
    public enum WriteLimits {
        /** Limited: always, in production. */
        ON,
        /** Not limited at all: only for load tests and benchmarks against a throwaway server. */
        OFF_FOR_LOAD_TESTS
    }

    /**
     * As {@link #mount(ServletContext, String, Doorstep, Authorizer)}, choosing whether anonymous writes are
     * limited; {@link WriteLimits#OFF_FOR_LOAD_TESTS} is for load tests only.
     */
    public static void mount(ServletContext context, String prefix, Doorstep doorstep, Authorizer authorizer,
                             WriteLimits limits) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(doorstep, "doorstep");
        String path = normalise(Objects.requireNonNull(prefix, "prefix"));
        String pattern = path + "/*";
        String name = "doorstep" + path;
        List<WebFeature> features = WebFeatures.all();

        FilterRegistration.Dynamic guard = context.addFilter(name + "-guard", new GuardFilter());
        if (guard == null) {
            throw new IllegalStateException("Doorstep is already mounted at \"" + prefix + "\"");
        }
        guard.setAsyncSupported(true);
        // ahead of the host's own filters, so nothing they add (a session, a cookie) escapes the guard
        guard.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD), false, pattern);

        CachedReadsFilter reads = new CachedReadsFilter(doorstep, path, features);
        context.setAttribute(CachedReadsFilter.ATTRIBUTE + path, reads);
        FilterRegistration.Dynamic cache = context.addFilter(name + "-cache", reads);
        cache.setAsyncSupported(true);
        // after the guard, so answers served from the cache carry its headers too
        cache.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, pattern);

        ServletRegistration.Dynamic servlet = context.addServlet(name,
                new ServletContainer(WebApplication.create(doorstep, authorizer, features,
                limits == WriteLimits.ON)));
        if (servlet == null) {
            throw new IllegalStateException("a servlet named \"" + name + "\" is already registered");
        }
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        Set<String> taken = servlet.addMapping(pattern);
        if (!taken.isEmpty()) {
            throw new IllegalStateException("another servlet is already mapped to " + taken);
        }
    }

    /**
     * What to answer a request the container itself refused before Doorstep saw it (a malformed path, a URI or
     * headers too long: 400, 414, 431), so that it too is negotiated by {@code Accept}: a friendly page in the
     * resident's language for a browser, problem+json for a program. Call it from the container's error handler
     * (on Jetty, {@code Server.setErrorHandler}; on Tomcat, an error report valve) and write what it returns.
     *
     * @param prefix         where Doorstep is mounted, as given to {@link #mount}
     * @param status         the status the container chose
     * @param accept         the request's {@code Accept} header, or {@code null} when it could not be read
     * @param acceptLanguage the request's {@code Accept-Language} header, or {@code null}
     * @return the status, content type, body and headers to send
     */
    public static ErrorAnswer containerError(String prefix, int status, String accept, String acceptLanguage) {
        ContainerErrors.Answer answer = ContainerErrors.answer(normalise(prefix), status, accept, acceptLanguage);
        return new ErrorAnswer(answer.status(), answer.contentType(), answer.body(), answer.headers());
    }

    /**
     * An error answer for the container to send.
     *
     * @param status      the status
     * @param contentType the content type
     * @param body        the body
     * @param headers     the security and caching headers to send with it
     */
    public record ErrorAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {
        public ErrorAnswer {
            headers = Map.copyOf(headers);
        }
    }

    private static String normalise(String prefix) {
        String path = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!PREFIX.matcher(path).matches()) {
            throw new IllegalArgumentException("prefix must be \"\" or a path such as \"/doorstep\", not \"" + prefix + "\"");
        }
        return path;
    }
}
