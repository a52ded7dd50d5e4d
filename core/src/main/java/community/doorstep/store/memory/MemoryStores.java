package community.doorstep.store.memory;

import community.doorstep.access.AccessStore;
import community.doorstep.events.EventStore;
import community.doorstep.site.SiteStore;
import community.doorstep.store.Stores;

/** In-memory stores: thread-safe, indexed like the JDBC ones, gone when the JVM stops. */
public final class MemoryStores implements Stores {
    private final ContentVersions versions = new ContentVersions();
    private final MemorySiteStore sites = new MemorySiteStore(versions);
    private final MemoryEventStore events = new MemoryEventStore(versions);
    private final MemoryAccessStore access = new MemoryAccessStore();

    @Override
    public SiteStore sites() {
        return sites;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public AccessStore access() {
        return access;
    }
}
