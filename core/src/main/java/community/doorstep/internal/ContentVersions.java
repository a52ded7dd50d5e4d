package community.doorstep.store.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The per-site content versions, shared by the in-memory stores that change what a site shows. */
final class ContentVersions {
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

    void bump(String siteId) {
        versions.computeIfAbsent(siteId, k -> new AtomicLong()).incrementAndGet();
    }

    long current(String siteId) {
        AtomicLong version = versions.get(siteId);
        return version == null ? 0 : version.get();
    }
}
