package community.doorstep.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-site content version: a number every feature's store bumps with each change residents can see, so
 * caches of public pages know in one read whether what they hold is current. One per storage: counted in memory
 * for the in-memory stores, kept in the site's row for the JDBC ones.
 */
public final class ContentVersions {
    private static final long VERSION_FRESH_NANOS = 1_000_000_000L;

    private final Jdbc jdbc;
    private final Map<String, AtomicLong> counted = new ConcurrentHashMap<>();
    private final Map<String, CachedVersion> read = new ConcurrentHashMap<>();

    private record CachedVersion(long version, long readAt) {
    }

    /** Versions kept in the database behind {@code jdbc}, or counted in memory when it is {@code null}. */
    public ContentVersions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** For the in-memory stores: the site's content changed. */
    public void bump(String siteId) {
        counted.computeIfAbsent(siteId, k -> new AtomicLong()).incrementAndGet();
    }

    /** For the JDBC stores: called inside every transaction that changes what the site shows; then {@link #committed}. */
    public static void bump(Connection connection, String siteId) throws SQLException {
        Jdbc.update(connection, "update doorstep_site set content_version = content_version + 1 where id = ?", siteId);
    }

    /**
     * Forgets the version read last, once a change has committed (the stores call it after the outermost commit),
     * so this JVM sees its own change at once.
     */
    public void committed(String siteId) {
        read.remove(siteId);
    }

    /**
     * The site's version; 0 for an unknown site. From the database it is read on every cached page view, so it is
     * kept for up to a second: a change made by another node is seen within the second, well inside the minute
     * that public pages may be cached downstream anyway.
     */
    public long current(String siteId) {
        if (jdbc == null) {
            AtomicLong version = counted.get(siteId);
            return version == null ? 0 : version.get();
        }
        long now = System.nanoTime();
        CachedVersion cached = read.get(siteId);
        if (cached != null && now - cached.readAt() < VERSION_FRESH_NANOS) {
            return cached.version();
        }
        long version = jdbc.query("select content_version from doorstep_site where id = ?", row -> row.getLong(1), siteId)
                .stream().findFirst().orElse(0L);
        read.put(siteId, new CachedVersion(version, now));
        return version;
    }
}
