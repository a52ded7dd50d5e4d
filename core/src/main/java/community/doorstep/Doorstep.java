package community.doorstep;

import community.doorstep.events.EventService;
import community.doorstep.events.ical.FeedFetcher;
import community.doorstep.site.SiteStore;
import community.doorstep.store.Stores;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point: community events, help and check-ins for one or more sites.
 *
 * <pre>{@code
 * Doorstep doorstep = Doorstep.builder()
 *         .stores(Stores.inMemory())
 *         .clock(Clock.systemUTC())
 *         .build();
 * doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
 * }</pre>
 *
 * Thread-safe; build one per application and share it.
 */
public final class Doorstep {
    private final Stores stores;
    private final Clock clock;
    private final EventService events;

    private Doorstep(Builder builder) {
        this.stores = builder.stores;
        this.clock = builder.clock;
        this.events = new EventService(stores.sites(), stores.events(), clock, new FeedFetcher(builder.feedTimeout));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sites, their organisations and areas. */
    public SiteStore sites() {
        return stores.sites();
    }

    /** The community calendar. */
    public EventService events() {
        return events;
    }

    /** The clock every time-dependent rule reads. */
    public Clock clock() {
        return clock;
    }

    /** Collects what a {@link Doorstep} is built from; every part has a default but the stores. */
    public static final class Builder {
        private Stores stores;
        private Clock clock = Clock.systemUTC();
        private Duration feedTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /** Where data is kept: {@link Stores#inMemory()} for tests and previews. */
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
            if (stores == null) {
                throw new IllegalStateException("Doorstep needs stores: call stores(Stores.inMemory()) or give it a database");
            }
            return new Doorstep(this);
        }
    }
}
