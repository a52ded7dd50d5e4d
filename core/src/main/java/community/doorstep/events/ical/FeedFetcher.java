package community.doorstep.events.ical;

import community.doorstep.DoorstepException;
import community.doorstep.InvalidInputException;
import community.doorstep.internal.GuardedHttp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches a feed over HTTP with a size cap and time limits, refusing addresses a public feed never has
 * (loopback, private, link-local, multicast: the guard against server-side request forgery) unless the
 * host is trusted by the site. Redirects are followed here, each hop checked again.
 */
public final class FeedFetcher implements AutoCloseable {
    /** Larger than any real group's calendar; smaller than what would hurt the server. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final GuardedHttp http;

    /** A fetcher whose every request (connecting, sending and reading the feed) must finish within the timeout. */
    public FeedFetcher(Duration timeout) {
        this.http = new GuardedHttp(timeout);
    }

    /**
     * What a fetch brought: the calendar text, or {@code null} when the server said it has not changed since
     * the validators sent; and the validators to send next time.
     *
     * @param body         the calendar text, or {@code null} for 304 Not Modified
     * @param etag         the ETag the server gave, or {@code null}
     * @param lastModified the Last-Modified the server gave, or {@code null}
     */
    public record Fetched(String body, String etag, String lastModified) {
        /** Whether the server answered 304 Not Modified, so there is no new text. */
        public boolean notModified() {
            return body == null;
        }
    }

    /** The calendar text at this address. */
    public String fetch(URI address, Set<String> trustedHosts) {
        return fetch(address, trustedHosts, null, null).body();
    }

    /** The calendar at this address, asked for conditionally when validators from last time are given. */
    public Fetched fetch(URI address, Set<String> trustedHosts, String etag, String lastModified) {
        URI current = httpForm(address);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (hop > 0) {
                requireRedirectScheme(current);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "text/calendar, */*;q=0.5");
            headers.put("User-Agent", "Doorstep feed reader");
            if (etag != null) {
                headers.put("If-None-Match", etag);
            }
            if (lastModified != null) {
                headers.put("If-Modified-Since", lastModified);
            }
            GuardedHttp.Answer answer = http.send("GET", current, headers, null, trustedHosts, MAX_BYTES);
            int status = answer.status();
            Optional<String> location = answer.header("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                current = redirected(current, location.get());
                continue;
            }
            if (status == 304) {
                return new Fetched(null, etag, lastModified);
            }
            if (status != 200) {
                throw new DoorstepException("fetching " + safe(current) + " answered HTTP " + status);
            }
            return new Fetched(new String(answer.body(), StandardCharsets.UTF_8),
                    answer.header("ETag").orElse(null), answer.header("Last-Modified").orElse(null));
        }
        throw new DoorstepException("fetching " + safe(address) + " was redirected more than " + MAX_REDIRECTS + " times");
    }

    private static URI httpForm(URI address) {
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("webcal")) {
            return URI.create("https" + address.toString().substring(address.getScheme().length()));
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw InvalidInputException.of("url", "scheme", "url must start with http://, https:// or webcal://");
        }
        return address;
    }

    private static void requireRedirectScheme(URI address) {
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw InvalidInputException.of("url", "scheme", "a feed may only redirect to http:// or https://");
        }
    }

    private static URI redirected(URI from, String location) {
        try {
            return from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new DoorstepException("fetching " + safe(from) + " was redirected to an address that is not valid", e);
        }
    }

    /** Feed addresses can carry private tokens (Google's secret iCal links): only the host goes into messages. */
    static String safe(URI address) {
        return address.getScheme() + "://" + address.getHost() + "/…";
    }

    /** Stops the HTTP client's threads. */
    @Override
    public void close() {
        http.close();
    }
}
