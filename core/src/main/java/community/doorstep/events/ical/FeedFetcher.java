package community.doorstep.events.ical;

import community.doorstep.DoorstepException;
import community.doorstep.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Fetches a feed over HTTP with a size cap and time limits, refusing addresses a public feed never has
 * (loopback, private, link-local, multicast: the guard against server-side request forgery) unless the
 * host is trusted by the site. Redirects are followed here, each hop checked again.
 */
public final class FeedFetcher {
    /** Larger than any real group's calendar; smaller than what would hurt the server. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final Duration timeout;

    public FeedFetcher(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
            refuseUnsafe(current, trustedHosts);
            HttpRequest.Builder builder = HttpRequest.newBuilder(current).timeout(timeout)
                    .header("Accept", "text/calendar, */*;q=0.5")
                    .header("User-Agent", "Doorstep feed reader");
            if (etag != null) {
                builder.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                builder.header("If-Modified-Since", lastModified);
            }
            HttpRequest request = builder.GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new DoorstepException("could not fetch " + safe(current) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DoorstepException("interrupted while fetching " + safe(current), e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response.body());
                current = current.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            if (status == 304) {
                close(response.body());
                return new Fetched(null, etag, lastModified);
            }
            if (status != 200) {
                close(response.body());
                throw new DoorstepException("fetching " + safe(current) + " answered HTTP " + status);
            }
            return new Fetched(read(response.body(), current), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
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

    static void refuseUnsafe(URI address, Set<String> trustedHosts) {
        String host = address.getHost();
        if (host == null) {
            throw InvalidInputException.of("url", "host", "url has no host name");
        }
        String scheme = address.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw InvalidInputException.of("url", "scheme", "a feed may only redirect to http:// or https://");
        }
        if (trustedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        try {
            for (InetAddress resolved : InetAddress.getAllByName(host)) {
                if (isPrivate(resolved)) {
                    throw InvalidInputException.of("url", "public-address",
                            "url points at a private or local network address (" + host + "), which feeds may not use");
                }
            }
        } catch (UnknownHostException e) {
            throw new DoorstepException("the feed's host " + host + " is not known", e);
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // Carrier-grade NAT (100.64/10) and the benchmarking range (198.18/15) are not public either.
            return (first == 100 && second >= 64 && second < 128) || (first == 198 && (second == 18 || second == 19))
                    || first == 0 || first >= 240;
        }
        // IPv6 unique local addresses, fc00::/7.
        return (bytes[0] & 0xfe) == 0xfc;
    }

    private static String read(InputStream body, URI address) {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new DoorstepException("the feed at " + safe(address) + " is larger than "
                        + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DoorstepException("could not read the feed at " + safe(address) + ": " + e.getMessage(), e);
        }
    }

    /** Feed addresses can carry private tokens (Google's secret iCal links): only the host goes into messages. */
    static String safe(URI address) {
        return address.getScheme() + "://" + address.getHost() + "/…";
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }
}
