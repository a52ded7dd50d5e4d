package community.doorstep.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;

/**
 * Runs in front of everything Doorstep serves and holds its promises whatever happens behind it: the
 * security headers on every response, no cookie and no session ever, request bodies capped, and errors as
 * problem+json even when they escape Jersey (so a container error page never shows a stack trace).
 */
public final class GuardFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GuardFilter.class);

    /**
     * Where handlers find the servlet request (for its remote address, or for the host's
     * {@link community.doorstep.web.Authorizer}).
     */
    static final String SERVLET_REQUEST = GuardFilter.class.getName() + ".request";

    /** The widgets' forms need far less than this. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    /** Defaults for the API and feeds; the HTML widgets will send their own policy in place of this one. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        GuardedResponse guarded = new GuardedResponse(response);
        guarded.addSecurityHeaders();
        SessionlessRequest sessionless = new SessionlessRequest(request);
        sessionless.setAttribute(SERVLET_REQUEST, sessionless);
        try {
            chain.doFilter(sessionless, guarded);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            LOG.error("unexpected failure while answering a request", e);
            guarded.reset();
            guarded.writeProblem(Problem.internalError());
        }
    }

    /** Never creates a session, whoever asks: a session would mean a cookie. */
    private static final class SessionlessRequest extends HttpServletRequestWrapper {
        SessionlessRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return super.getSession(false);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return super.getSession(false);
        }
    }

    /** Drops any cookie, keeps the security headers through a reset, and answers sendError with problem+json. */
    private static final class GuardedResponse extends HttpServletResponseWrapper {
        GuardedResponse(HttpServletResponse response) {
            super(response);
        }

        void addSecurityHeaders() {
            SECURITY_HEADERS.forEach(super::setHeader);
        }

        void writeProblem(Problem problem) throws IOException {
            byte[] body = problem.toJson();
            setStatus(problem.status());
            setContentType(Problem.MEDIA_TYPE);
            setHeader("Cache-Control", Problem.CACHE_CONTROL);
            setContentLength(body.length);
            getOutputStream().write(body);
            flushBuffer();
        }

        @Override
        public void addCookie(Cookie cookie) {
            // deliberately nothing: Doorstep sets no cookies
        }

        @Override
        public void setHeader(String name, String value) {
            if (!isCookieHeader(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!isCookieHeader(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void reset() {
            super.reset();
            addSecurityHeaders();
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("the response is already committed");
            }
            resetBuffer();
            // the message may come from anywhere in the stack, so only the status is shown
            writeProblem(status >= 500 ? Problem.internalError() : Problem.of(status, "the request was refused"));
        }

        private static boolean isCookieHeader(String name) {
            return name != null && (name.equalsIgnoreCase("Set-Cookie") || name.equalsIgnoreCase("Set-Cookie2"));
        }
    }
}
