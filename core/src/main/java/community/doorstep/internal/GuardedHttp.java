package community.doorstep.internal;

import community.doorstep.DoorstepException;
import community.doorstep.InvalidInputException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Outgoing HTTP to addresses that users give (feeds, webhooks), guarded against server-side request forgery:
 * a host is resolved once, refused if any of its addresses is private or local, and connected to at exactly the
 * addresses that were checked, so a DNS answer that changes between the check and the connection (DNS
 * rebinding) cannot reach the private network. Follows no redirects: a caller that follows them sends each
 * hop as a new request, which is checked again.
 *
 * <p>Thread-safe. Its threads are daemons, so an instance that is never closed does not keep the JVM alive.
 */
public final class GuardedHttp implements AutoCloseable {
    private static final int MAX_THREADS = 16;
    private static final int MIN_THREADS = 1;
    private static final int MAX_CAUSES = 16;

    /** Resolves a host name to all its addresses; replaceable so that tests need no DNS. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    private final Duration timeout;
    private final Lookup lookup;
    // Trust is per request but Jetty pools connections per client, so trusted and guarded requests use separate
    // clients: a connection opened under one site's trust is never reused by a request that lacks that trust.
    private HttpClient guarded;
    private HttpClient trusted;
    private boolean closed;

    /**
     * A client whose every request (resolving, connecting, sending and reading the answer) must finish within
     * {@code timeout}. Threads start with the first request, so an instance that never sends costs nothing.
     */
    public GuardedHttp(Duration timeout) {
        this(timeout, InetAddress::getAllByName);
    }

    GuardedHttp(Duration timeout, Lookup lookup) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeout = timeout;
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * An answer: status, headers (first value by case-insensitive name), body bytes (capped).
     *
     * @param status  the HTTP status code
     * @param headers the first value of each header, looked up by any case of its name
     * @param body    the body as received (after content decoding), never {@code null}
     */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        /** Keeps the headers findable by any case of their name. */
        public Answer {
            TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (headers != null) {
                headers.forEach(byName::putIfAbsent);
            }
            headers = Collections.unmodifiableMap(byName);
            body = body == null ? new byte[0] : body;
        }

        /** The first value of the header with this name, in any case. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    /**
     * Sends one request; the address guard applies unless uri's host is in trustedHosts (lower-case host names).
     * Bodies over maxBytes fail with DoorstepException.
     *
     * @param method       the HTTP method, e.g. {@code "GET"} or {@code "POST"}
     * @param uri          an http or https address
     * @param headers      request headers, or {@code null} for none
     * @param body         the request body, or {@code null} for none
     * @param trustedHosts lower-case host names the caller allows on private addresses, each alone (any port) or as
     *                     {@code host:port} (that port only), or {@code null} for none
     * @param maxBytes     the largest answer body accepted
     * @throws InvalidInputException when the address is not http(s) or its host has a private or local address
     * @throws DoorstepException     when the host is unknown, the exchange fails or times out, or the body is too large
     */
    public Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Set<String> trustedHosts,
                       int maxBytes) {
        Objects.requireNonNull(method, "method");
        requireHttp(uri);
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
        boolean trust = isTrusted(uri, trustedHosts);
        Request request = client(trust).newRequest(uri)
                .method(method)
                .followRedirects(false)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (headers != null && !headers.isEmpty()) {
            request.headers(fields -> headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    fields.put(name, value);
                }
            }));
        }
        if (body != null) {
            request.body(new BytesRequestContent(body));
        }
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        Response response;
        try {
            response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new DoorstepException("interrupted while fetching " + safe(uri), e);
        } catch (TimeoutException e) {
            request.abort(e);
            throw new DoorstepException("could not fetch " + safe(uri) + ": no answer within "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause() == null ? e : e.getCause());
        }
        byte[] bytes;
        // Closing the stream before the end aborts the exchange, so at most maxBytes + 1 bytes are ever read.
        try (InputStream in = listener.getInputStream()) {
            bytes = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
        } catch (InterruptedIOException e) {
            if (e instanceof SocketTimeoutException) {
                throw failure(uri, e);
            }
            Thread.currentThread().interrupt();
            throw new DoorstepException("interrupted while fetching " + safe(uri), e);
        } catch (IOException e) {
            throw failure(uri, e);
        }
        if (bytes.length > maxBytes) {
            throw new DoorstepException("the answer from " + safe(uri) + " is larger than " + size(maxBytes));
        }
        return new Answer(response.getStatus(), headersOf(response), bytes);
    }

    /**
     * Whether an address is one a public feed or webhook never has: loopback, any-local, link-local, site-local,
     * multicast, carrier-grade NAT 100.64/10, benchmarking 198.18/15, 0/8, 240/4, documentation ranges, fc00::/7,
     * and everything outside 2000::/3 (the only IPv6 global unicast block). Of the IPv6 forms that embed an IPv4
     * address, IPv4-mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::/96} and 6to4 {@code 2002::/16} are judged
     * by the IPv4 address they carry (an IPv6-only network with DNS64 reaches every public IPv4 feed through
     * 64:ff9b::/96); IPv4-compatible {@code ::a.b.c.d} (deprecated), local-use NAT64 {@code 64:ff9b:1::/48} and
     * Teredo {@code 2001:0::/32} (whose client address is obfuscated) are refused outright.
     */
    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? isPrivateIpv4(bytes, 0) : isPrivateIpv6(bytes);
    }

    /** Whether the address's host (on any port) or its host and port are among the trusted ones. */
    public static boolean isTrusted(URI uri, Set<String> trustedHosts) {
        if (trustedHosts == null || trustedHosts.isEmpty() || uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return trustedHosts.contains(host) || trustedHosts.contains(host + ":" + port);
    }

    /** Refuses a URI whose scheme is not http/https or that has no host: InvalidInputException with field "url". */
    public static void requireHttp(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw InvalidInputException.of("url", "scheme", "url must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw InvalidInputException.of("url", "host", "url has no host name");
        }
    }

    /** Stops the clients and their threads; requests sent afterwards fail. */
    @Override
    public void close() {
        HttpClient first;
        HttpClient second;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            first = guarded;
            second = trusted;
        }
        stop(first);
        stop(second);
    }

    private synchronized HttpClient client(boolean trust) {
        if (closed) {
            throw new IllegalStateException("this HTTP client is closed");
        }
        if (trust) {
            if (trusted == null) {
                trusted = start(false);
            }
            return trusted;
        }
        if (guarded == null) {
            guarded = start(true);
        }
        return guarded;
    }

    private HttpClient start(boolean guard) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName(guard ? "doorstep-http" : "doorstep-http-trusted");
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        // Jetty's own scheduler thread would not be a daemon.
        client.setScheduler(new ScheduledExecutorScheduler(threads.getName() + "-scheduler", true));
        client.setSocketAddressResolver(new CheckingResolver(threads, lookup, guard));
        client.setFollowRedirects(false);
        client.setConnectTimeout(timeout.toMillis());
        client.setIdleTimeout(timeout.toMillis());
        // Cookies set by one site's feed or webhook must never travel with another site's request.
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        try {
            client.start();
        } catch (Exception e) {
            stop(client);
            throw new IllegalStateException("could not start the HTTP client", e);
        }
        return client;
    }

    private static void stop(HttpClient client) {
        if (client == null) {
            return;
        }
        try {
            client.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // nothing more can be done for a client that is going away
        }
    }

    private static Map<String, String> headersOf(Response response) {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : response.getHeaders()) {
            if (field.getName() != null) {
                byName.putIfAbsent(field.getName(), field.getValue() == null ? "" : field.getValue());
            }
        }
        return byName;
    }

    private static DoorstepException failure(URI uri, Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof Refused refused) {
                return refused.toDoorstep(uri.getHost());
            }
            if (cause instanceof DoorstepException doorstep) {
                return doorstep;
            }
        }
        return new DoorstepException("could not fetch " + safe(uri) + ": " + reason(failure, uri), failure);
    }

    private static String reason(Throwable failure, URI uri) {
        Throwable innermost = failure;
        for (int depth = 0; innermost.getCause() != null && depth < MAX_CAUSES; depth++) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        if (message == null || message.isBlank()) {
            message = innermost.getClass().getSimpleName();
        }
        // Some failures quote the request, and an address's path and query may hold a secret token.
        message = message.replace(uri.toString(), safe(uri));
        for (String secret : new String[] {uri.getRawQuery(), uri.getQuery(), uri.getRawPath(), uri.getPath()}) {
            if (secret != null && secret.length() > 1) {
                message = message.replace(secret, "…");
            }
        }
        return message;
    }

    /** Addresses can carry private tokens (Google's secret iCal links, webhook keys): only the host goes into messages. */
    private static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + "/…";
    }

    private static String size(int bytes) {
        int mebibyte = 1024 * 1024;
        return bytes > 0 && bytes % mebibyte == 0 ? bytes / mebibyte + " MiB" : bytes + " bytes";
    }

    private static boolean isPrivateIpv4(byte[] bytes, int at) {
        int first = bytes[at] & 0xff;
        int second = bytes[at + 1] & 0xff;
        int third = bytes[at + 2] & 0xff;
        // Checked in full, not only by InetAddress's methods, because embedded IPv4 addresses reach here too.
        return first == 0 || first == 10 || first == 127 || first >= 224
                || (first == 169 && second == 254)
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 100 && (second & 0xc0) == 64)
                || (first == 198 && (second & 0xfe) == 18)
                || (first == 192 && second == 0 && (third == 0 || third == 2))
                || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113);
    }

    private static boolean isPrivateIpv6(byte[] bytes) {
        int firstGroup = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
        int secondGroup = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        if (allZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            return isPrivateIpv4(bytes, 12);
        }
        if (firstGroup == 0x0064 && secondGroup == 0xff9b && allZero(bytes, 4, 12)) {
            return isPrivateIpv4(bytes, 12);
        }
        if (firstGroup == 0x2002) {
            return isPrivateIpv4(bytes, 2);
        }
        if (firstGroup == 0x2001 && (secondGroup == 0x0000 || secondGroup == 0x0db8)) {
            return true;
        }
        return (bytes[0] & 0xe0) != 0x20;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Why the resolver refused a host; {@link #send} turns it into the error the caller sees. */
    private static final class Refused extends Exception {
        private final boolean unknown;

        private Refused(boolean unknown, Throwable cause) {
            super(unknown ? "unknown host" : "private address", cause, false, false);
            this.unknown = unknown;
        }

        private DoorstepException toDoorstep(String host) {
            if (unknown) {
                return new DoorstepException("the feed's host " + host + " is not known", getCause());
            }
            return InvalidInputException.of("url", "public-address",
                    "url points at a private or local network address (" + host + "), which feeds may not use");
        }
    }

    /** Resolves once and hands Jetty only the addresses it checked, so no later lookup can answer differently. */
    private static final class CheckingResolver implements SocketAddressResolver {
        private final Executor executor;
        private final Lookup lookup;
        private final boolean guard;

        private CheckingResolver(Executor executor, Lookup lookup, boolean guard) {
            this.executor = executor;
            this.lookup = lookup;
            this.guard = guard;
        }

        @Override
        public void resolve(String host, int port, Map<String, Object> context,
                            Promise<List<InetSocketAddress>> promise) {
            try {
                // A lookup can block for seconds: never on the thread that called, which may be a selector.
                executor.execute(() -> resolveNow(host, port, promise));
            } catch (RejectedExecutionException e) {
                promise.failed(e);
            }
        }

        private void resolveNow(String host, int port, Promise<List<InetSocketAddress>> promise) {
            InetAddress[] addresses;
            try {
                addresses = lookup.all(host);
            } catch (UnknownHostException e) {
                promise.failed(new Refused(true, e));
                return;
            } catch (RuntimeException e) {
                promise.failed(e);
                return;
            }
            List<InetSocketAddress> checked = new ArrayList<>();
            for (InetAddress address : addresses == null ? new InetAddress[0] : addresses) {
                if (address == null) {
                    continue;
                }
                if (guard && isPrivate(address)) {
                    promise.failed(new Refused(false, null));
                    return;
                }
                checked.add(new InetSocketAddress(address, port));
            }
            if (checked.isEmpty()) {
                promise.failed(new Refused(true, null));
                return;
            }
            promise.succeeded(checked);
        }
    }
}
