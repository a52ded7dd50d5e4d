package community.doorstep;

import community.doorstep.access.AccessService;
import community.doorstep.access.AccessStore;
import community.doorstep.access.ModerationQueue;
import community.doorstep.events.EventCalendar;
import community.doorstep.events.EventService;
import community.doorstep.events.EventStore;
import community.doorstep.events.FeedImporter;
import community.doorstep.events.Submissions;
import community.doorstep.checkin.CheckInService;
import community.doorstep.checkin.CheckInStore;
import community.doorstep.events.ical.FeedFetcher;
import community.doorstep.help.HelpService;
import community.doorstep.help.HelpStore;
import community.doorstep.internal.Sealer;
import community.doorstep.notify.Address;
import community.doorstep.notify.Notifier;
import community.doorstep.notify.Outbox;
import community.doorstep.notify.OutboxStore;
import community.doorstep.schedule.DueWork;
import community.doorstep.schedule.DueWorkHealth;
import community.doorstep.site.SiteService;
import community.doorstep.site.SiteStore;
import community.doorstep.store.Stores;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Path;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    private final HelpService help;
    private final CheckInService checkIns;
    private final AccessService access;
    private final DueWork dueWork;
    private final Outbox outbox;
    private final URI publicAddress;
    private final ModerationQueue moderation = new ModerationQueue();
    /** What Doorstep made itself and so closes: the feed fetcher, and the default notifier's HTTP client. */
    private final List<AutoCloseable> owned = new ArrayList<>();

    private Doorstep(Builder builder) {
        this.ownsStores = builder.stores == null;
        this.stores = builder.embeddedDirectory != null ? Stores.embedded(builder.embeddedDirectory)
                : builder.dataSource != null ? Stores.jdbc(builder.dataSource) : builder.stores;
        this.clock = builder.clock;
        this.dueWork = new DueWork(stores, clock);
        Notifier notifier = builder.notifier;
        if (notifier == null) {
            Notifier webhooks = Notifier.webhooks(Duration.ofSeconds(10), Set.of());
            if (webhooks instanceof AutoCloseable client) {
                owned.add(client);
            }
            notifier = Notifier.byChannel(null, webhooks);
        }
        Sealer sealer = builder.encryptionKey == null ? null : new Sealer(builder.encryptionKey);
        CheckInStore checkInStore = CheckInStore.of(stores, sealer);
        // texts go through the gateway each site configured, whatever notifier the host gave for email and webhooks
        Notifier texts = CheckInService.smsNotifier(checkInStore, builder.smsGatewayHosts);
        if (texts instanceof AutoCloseable client) {
            owned.add(client);
        }
        Notifier hosts = notifier;
        Notifier routed = message -> (message.to().channel() == Address.Channel.SMS ? texts : hosts).send(message);
        this.outbox = new Outbox(OutboxStore.of(stores, sealer), stores, routed, clock, dueWork);
        this.publicAddress = builder.publicAddress;
        FeedFetcher fetcher = new FeedFetcher(builder.feedTimeout);
        owned.add(fetcher);
        this.sites = new SiteService(SiteStore.of(stores));
        this.access = new AccessService(AccessStore.of(stores), clock);
        // each feature: its stores on the chosen storage, its services, and the due work it registers
        EventStore eventStore = EventStore.of(stores);
        this.events = new EventService(new EventCalendar(sites, eventStore, clock),
                new Submissions(sites, eventStore, clock, access, stores, outbox, dueWork),
                new FeedImporter(sites, eventStore, clock, fetcher, dueWork,
                        builder.feedRefreshInterval));
        moderation.register(events.submissions());
        this.help = new HelpService(sites, HelpStore.of(stores), clock, access, stores, outbox, dueWork);
        moderation.register(help.offerModeration());
        moderation.register(help.requestModeration());
        this.checkIns = new CheckInService(sites, checkInStore, clock, access, stores, outbox,
                dueWork, builder.publicAddress, sealer);
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

    /** The help board: offers and requests of help, claims, the coordinator's desk. */
    public HelpService help() {
        return help;
    }

    /** "I'm OK" check-ins: circles of responders, deadlines, alerts, acknowledgements and all-clears. */
    public CheckInService checkIns() {
        return checkIns;
    }

    /** Secret links: organiser links, manage links, admin tokens. */
    public AccessService access() {
        return access;
    }

    /** What residents sent that waits for a coordinator, from every feature. */
    public ModerationQueue moderation() {
        return moderation;
    }

    /** Messages waiting to be delivered, and those sent lately. */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * Runs due work (feed refreshes, message delivery, purges, and every feature's deadlines) on this node's own
     * threads until {@link #close()}. Any number of nodes on one database share it; none does a task twice.
     */
    public void start() {
        dueWork.start();
    }

    /**
     * Runs, on the calling thread, every task due now by the clock, then returns: for a host that schedules its own
     * work instead of calling {@link #start()}. Call it at least every few seconds where check-ins are used.
     */
    public void runDueWork() {
        dueWork.runDueWork();
    }

    /** Whether due work is being done: tasks long past their time that no node has taken mean it has stopped. */
    public DueWorkHealth dueWorkHealth() {
        return dueWork.health();
    }

    /** The clock every time-dependent rule reads. */
    public Clock clock() {
        return clock;
    }

    /** Where the widgets are mounted as the public sees it ({@link Builder#publicAddress}), if the host said. */
    public Optional<URI> publicAddress() {
        return Optional.ofNullable(publicAddress);
    }

    /** Closes the embedded database if Doorstep opened it; a host's data source stays the host's to close. */
    @Override
    public void close() {
        try {
            dueWork.close();
            for (AutoCloseable part : owned) {
                try {
                    part.close();
                } catch (Exception e) {
                    throw new DoorstepException("could not close Doorstep's " + part.getClass().getSimpleName(), e);
                }
            }
        } finally {
            if (ownsStores) {
                stores.close();
            }
        }
    }

    /** Collects what a {@link Doorstep} is built from; every part has a default but where data is kept. */
    public static final class Builder {
        private Stores stores;
        private DataSource dataSource;
        private Path embeddedDirectory;
        private Clock clock = Clock.systemUTC();
        private Duration feedTimeout = Duration.ofSeconds(20);
        private Duration feedRefreshInterval = Duration.ofMinutes(15);
        private Notifier notifier;
        private byte[] encryptionKey;
        private URI publicAddress;
        private Set<String> smsGatewayHosts = Set.of();

        private Builder() {
        }

        /**
         * Host names of SMS gateways that may be on a private network, such as a charity's Android phone running
         * android-sms-gateway in the office; every other gateway must have a public address.
         */
        public Builder smsGatewayHosts(Set<String> hosts) {
            this.smsGatewayHosts = Set.copyOf(Objects.requireNonNull(hosts, "hosts"));
            return this;
        }

        /**
         * The 32-byte AES key that check-ins' nicknames, notes and contacts are encrypted with in the database. The host
         * keeps it (a secret store, an environment variable), never the database; without it check-ins on a database
         * refuse to start, and everything else works.
         */
        public Builder encryptionKey(byte[] key) {
            if (key == null || key.length != 32) {
                throw new IllegalArgumentException("the encryption key must be 32 bytes (AES-256)");
            }
            this.encryptionKey = key.clone();
            return this;
        }

        /**
         * Where the widgets are mounted as the public sees it, such as {@code https://example.org/doorstep/}: links in
         * messages (a responder's link in an alert) start here. Without it they are paths under the mount.
         */
        public Builder publicAddress(URI address) {
            if (address == null || !address.isAbsolute() || !address.getPath().endsWith("/")) {
                throw new IllegalArgumentException("the public address must be absolute and end in /, such as "
                        + "https://example.org/doorstep/");
            }
            this.publicAddress = address;
            return this;
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

        /** How often each group's feed is fetched again. */
        public Builder feedRefreshInterval(Duration interval) {
            if (interval == null || interval.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("feeds are refreshed at most once a minute");
            }
            this.feedRefreshInterval = interval;
            return this;
        }

        /**
         * How messages leave: {@code Notifier.byChannel(Notifier.email(smtp), Notifier.webhooks(timeout, hosts))}.
         * Without it, webhooks are sent and email is not (a message for email fails, saying none is configured).
         */
        public Builder notifier(Notifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier");
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
