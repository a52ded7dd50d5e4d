package community.doorstep.store;

import community.doorstep.access.AccessStore;
import community.doorstep.events.EventStore;
import community.doorstep.site.SiteStore;
import community.doorstep.store.memory.MemoryStores;

/**
 * The stores a {@link community.doorstep.Doorstep} keeps its data in, one per feature.
 * In memory for tests and tiny sites; over JDBC (H2 embedded, PostgreSQL) for everything that must last.
 */
public interface Stores {
    SiteStore sites();

    EventStore events();

    AccessStore access();

    /** Stores that live as long as the JVM: for tests, previews and throwaway checks. */
    static Stores inMemory() {
        return new MemoryStores();
    }
}
