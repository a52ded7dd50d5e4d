package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the public read paths the features name (such as the events JSON, feeds, event and list widgets) in memory,
 * so the hot path of a busy site is a map look-up: an answer is served again while the site's content version
 * ({@link community.doorstep.site.SiteStore#contentVersion}) and the day in the site's zone are unchanged, and
 * a matching {@code If-None-Match} gets its 304 after one primary-key read of that version. Every change
 * residents could see bumps the version in the same transaction, on whichever node made it, so nothing stale
 * is served.
 */
public final class CachedReadsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> NOT_REPLAYED = Set.of("date", "content-length", "transfer-encoding", "set-cookie",
            "connection");
    /** The context attribute (with the mount's path after it) under which a mount's cache is found. */
    public static final String ATTRIBUTE = CachedReadsFilter.class.getName() + ":";
    /** The whole cache, keys and bodies, stays within this many bytes: least recently used answers go first. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    /** A busy site's two weeks of events make a page of about 800 KB; larger answers are rendered each time. */
    private static final int MAX_BODY = 2 * 1024 * 1024;

    private final transient Doorstep doorstep;
    private final String prefix;
    /** Secret-link pages and forms are never among them: they are private, or they change on every visit. */
    private final List<Pattern> cacheable;
    private final KnownParameters known;
    private final Map<String, CachedAnswer> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private final Map<String, SiteState> sites = new LinkedHashMap<>();

    private record CachedAnswer(long version, LocalDate day, int status, List<String[]> headers, String etag, byte[] body) {
        long size(String key) {
            long size = 2L * key.length() + body.length + 64;
            for (String[] header : headers) {
                size += 2L * (header[0].length() + header[1].length()) + 16;
            }
            return size;
        }
    }

    /** How full the cache is, for tests and health pages. */
    record Usage(int entries, long bytes) {
    }

    private record SiteState(long version, ZoneId zone) {
    }

    /**
     * The cache for one mount.
     *
     * @param prefix   the mount's path, without a trailing {@code /}
     * @param features the registered features, whose {@link WebFeature#cacheablePaths()} are kept besides the
     *                 site's own lists of organisations and areas
     */
    public CachedReadsFilter(Doorstep doorstep, String prefix, List<WebFeature> features) {
        this.doorstep = doorstep;
        this.prefix = prefix;
        this.known = new KnownParameters(features);
        List<Pattern> patterns = new ArrayList<>(SiteApi.CACHEABLE);
        features.forEach(feature -> patterns.addAll(feature.cacheablePaths()));
        this.cacheable = List.copyOf(patterns);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String site = "GET".equals(request.getMethod()) && path.startsWith(prefix)
                ? cacheableSite(path.substring(prefix.length())) : null;
        if (site == null) {
            chain.doFilter(request, response);
            return;
        }
        SiteState state = siteState(site);
        if (state == null) {
            chain.doFilter(request, response);
            return;
        }
        LocalDate day = LocalDate.now(doorstep.clock().withZone(state.zone()));
        String language = String.valueOf(request.getHeader("Accept-Language"));
        // widget pages carry absolute links (webcal: feeds, JSON-LD), built from the scheme, host and port the
        // container made of the request: those are part of the key
        String host = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        // only the parameters pages read: made-up ones neither fill the cache nor split its entries
        String key = path + "?" + known.key(request) + "\n" + language.substring(0, Math.min(100, language.length()))
                + "\n" + host.substring(0, Math.min(200, host.length()));
        CachedAnswer cached;
        synchronized (entries) {
            cached = entries.get(key);
        }
        if (cached != null && cached.version() == state.version() && cached.day().equals(day)) {
            replay(cached, request, response);
            return;
        }
        CapturingResponse capture = new CapturingResponse(response);
        chain.doFilter(request, capture);
        capture.flushBuffer();
        byte[] body = capture.captured();
        String declared = response.getHeader("Content-Length");
        if (capture.getStatus() == 200 && body != null && body.length <= MAX_BODY && response.getHeader("ETag") != null
                && (declared == null || declared.equals(String.valueOf(body.length)))) {
            List<String[]> headers = new ArrayList<>();
            for (String name : response.getHeaderNames()) {
                if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                    for (String value : response.getHeaders(name)) {
                        headers.add(new String[]{name, value});
                    }
                }
            }
            keep(key, new CachedAnswer(state.version(), day, 200, headers, response.getHeader("ETag"), body));
        }
    }

    private void keep(String key, CachedAnswer answer) {
        synchronized (entries) {
            CachedAnswer replaced = entries.put(key, answer);
            bytes += answer.size(key) - (replaced == null ? 0 : replaced.size(key));
            var eldest = entries.entrySet().iterator();
            while (bytes > MAX_BYTES && eldest.hasNext()) {
                var entry = eldest.next();
                bytes -= entry.getValue().size(entry.getKey());
                eldest.remove();
            }
        }
    }

    /** How many answers the cache holds and their size. */
    Usage usage() {
        synchronized (entries) {
            return new Usage(entries.size(), bytes);
        }
    }

    /** The site a cacheable path is about, or {@code null} for a path that is not cached. */
    private String cacheableSite(String path) {
        for (Pattern pattern : cacheable) {
            Matcher matcher = pattern.matcher(path);
            if (matcher.matches()) {
                return matcher.group("site");
            }
        }
        return null;
    }

    private static void replay(CachedAnswer cached, HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (String[] header : cached.headers()) {
            response.setHeader(header[0], header[1]);
        }
        if (CachingFilter.matches(request.getHeader("If-None-Match"), cached.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setContentType(null);
            return;
        }
        response.setStatus(cached.status());
        response.setContentLength(cached.body().length);
        response.getOutputStream().write(cached.body());
    }

    /**
     * The site's current content version and its zone; {@code null} for no such site. The version is read on
     * every request; the site itself only when the version moved (saving a site moves it too).
     */
    private SiteState siteState(String siteId) {
        long version = doorstep.sites().contentVersion(siteId);
        if (version == 0) {
            return null;
        }
        synchronized (sites) {
            SiteState known = sites.get(siteId);
            if (known != null && known.version() == version) {
                return known;
            }
        }
        SiteState fresh = doorstep.sites().findSite(siteId).map(site -> new SiteState(version, site.zone())).orElse(null);
        if (fresh != null) {
            synchronized (sites) {
                sites.put(siteId, fresh);
            }
        }
        return fresh;
    }

    /** Passes everything through and keeps a copy of the body. */
    private static final class CapturingResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private boolean tooLarge;
        /** A client that went away mid-answer leaves a partial copy, which must never be served to others. */
        private boolean failed;
        private ServletOutputStream stream;
        private PrintWriter writer;

        CapturingResponse(HttpServletResponse response) {
            super(response);
        }

        /** What was sent, or {@code null} when it was too large to keep or did not all reach the client. */
        byte[] captured() {
            return tooLarge || failed ? null : copy.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream real = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[]{(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        try {
                            real.write(bytes, offset, length);
                        } catch (IOException | RuntimeException e) {
                            failed = true;
                            throw e;
                        }
                        keep(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        try {
                            real.flush();
                        } catch (IOException | RuntimeException e) {
                            failed = true;
                            throw e;
                        }
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            try {
                if (writer != null) {
                    writer.flush();
                }
                super.flushBuffer();
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        private void keep(byte[] bytes, int offset, int length) {
            if (tooLarge || copy.size() + length > MAX_BODY) {
                tooLarge = true;
                return;
            }
            copy.write(bytes, offset, length);
        }
    }
}
