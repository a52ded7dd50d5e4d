package community.doorstep;

import community.doorstep.access.AccessService;
import community.doorstep.access.AccessStore;
import community.doorstep.events.EventCalendar;
import community.doorstep.events.EventService;
import community.doorstep.events.EventStore;
import community.doorstep.events.FeedImporter;
import community.doorstep.events.Submissions;
import community.doorstep.events.ical.FeedFetcher;
import community.doorstep.site.SiteService;
import community.doorstep.site.SiteStore;
import community.doorstep.store.Stores;

import javax.sql.DataSource;
import java.nio.file.Path;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point: community events, help and check-ins for one or more sites.
 *
 * <pre>{@code
 * Doorstep doorstep = Doorstep.builder()
 *         .dataSource(hostPool)              // or .embeddedDatabase(Path.of("data")), or .stores(Stores.inMemory())
 *         .clock(Clock.systemUTC())
 *         .build();
 * doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
 * }</pre>
 *
 * Thread-safe; build one per application, share it, and close it when the application stops.
 */
public final class Doorstep implements AutoCloseable {
    private final Stores stores;
    private final boolean ownsStores;
    private final Clock clock;
    private final SiteService sites;
    private final EventService events;
    private final AccessService access;

    private Doorstep(Builder builder) {
        this.ownsStores = builder.stores == null;
        this.stores = builder.embeddedDirectory != null ? Stores.embedded(builder.embeddedDirectory)
                : builder.dataSource != null ? Stores.jdbc(builder.dataSource) : builder.stores;
        this.clock = builder.clock;
        this.sites = new SiteService(SiteStore.of(stores));
        this.access = new AccessService(AccessStore.of(stores), clock);
        EventStore eventStore = EventStore.of(stores);
        this.events = new EventService(new EventCalendar(sites, eventStore, clock),
                new Submissions(sites, eventStore, clock, access),
                new FeedImporter(sites, eventStore, clock, new FeedFetcher(builder.feedTimeout)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sites, their organisations, areas and tags. */
    public SiteService sites() {
        return sites;
    }

    /** The community calendar. */
    public EventService events() {
        return events;
    }

    /** Secret links: organiser links, manage links, admin tokens. */
    public AccessService access() {
        return access;
    }

    /** The clock every time-dependent rule reads. */
    public Clock clock() {
        return clock;
    }

    /** Closes the embedded database if Doorstep opened it; a host's data source stays the host's to close. */
    @Override
    public void close() {
        if (ownsStores) {
            stores.close();
        }
    }

    /** Collects what a {@link Doorstep} is built from; every part has a default but where data is kept. */
    public static final class Builder {
        private Stores stores;
        private DataSource dataSource;
        private Path embeddedDirectory;
        private Clock clock = Clock.systemUTC();
        private Duration feedTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /**
         * Keep data in the host application's database (PostgreSQL in production, or H2). The host owns the
         * pool and its credentials; Doorstep migrates its own tables at {@link #build()}.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** Keep data in an embedded H2 database in this directory, created if need be: the standalone default. */
        public Builder embeddedDatabase(Path directory) {
            this.embeddedDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Keep data in these stores: {@link Stores#inMemory()} for tests and previews; the caller closes them. */
        public Builder stores(Stores stores) {
            this.stores = Objects.requireNonNull(stores, "stores");
            return this;
        }

        /** The clock; tests pass a fixed or hand-moved one instead of waiting. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long fetching one feed may take before it counts as failed. */
        public Builder feedTimeout(Duration timeout) {
            this.feedTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Doorstep build() {
            int choices = (stores == null ? 0 : 1) + (dataSource == null ? 0 : 1) + (embeddedDirectory == null ? 0 : 1);
            if (choices != 1) {
                throw new IllegalStateException("Doorstep needs exactly one place to keep data: dataSource(…), "
                        + "embeddedDatabase(…) or stores(…)");
            }
            return new Doorstep(this);
        }
    }
}
