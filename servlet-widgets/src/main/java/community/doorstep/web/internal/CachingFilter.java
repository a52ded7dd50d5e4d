package community.doorstep.web.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Lets browsers and reverse proxies serve the read paths: every successful GET gets a strong ETag (a hash
 * of the exact body bytes) and a short public max-age unless the resource chose its own, and a matching
 * {@code If-None-Match} gets a 304. Responses marked {@code no-store} are left alone.
 * Resources hand over their bodies as bytes, so JSON and calendars are treated alike.
 */
final class CachingFilter implements ContainerResponseFilter {
    static final String CACHE_CONTROL = "public, max-age=60";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        if (!read || response.getStatus() != 200 || !(response.getEntity() instanceof byte[] body)) {
            return;
        }
        String tag = "\"" + hash(body) + "\"";
        MultivaluedMap<String, Object> headers = response.getHeaders();
        Object chosen = headers.getFirst(HttpHeaders.CACHE_CONTROL);
        if (chosen != null && chosen.toString().contains("no-store")) {
            // private pages (secret links, forms) are never tagged, so no cache keeps them
            return;
        }
        headers.putSingle(HttpHeaders.ETAG, tag);
        if (chosen == null) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            headers.remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /** RFC 9110 If-None-Match: a list of tags or {@code *}, compared weakly (a {@code W/} prefix is ignored). */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.strip();
            if (trimmed.equals("*") || trimmed.equals(tag) || trimmed.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
