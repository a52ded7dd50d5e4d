package community.doorstep.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.Doorstep;
import community.doorstep.notify.Notifier;
import community.doorstep.store.Stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The stores a benchmark runs on, by the name its {@code store} parameter gives: {@value #MEMORY} (in-memory
 * stores), {@value #H2} (the embedded H2 database in file mode, in a fresh temporary directory) or
 * {@value #POSTGRES} (a fresh schema on the PostgreSQL server named by DOORSTEP_TEST_POSTGRES_URL, _USER and
 * _PASSWORD, which {@code bench/core.sh} starts when none is given). Closing a {@link Site} deletes the
 * directory or drops the schema.
 */
final class BenchStores {
    static final String MEMORY = "memory";
    static final String H2 = "h2";
    static final String POSTGRES = "postgres";

    static {
        // The pool and the migrations log every opening at INFO; a benchmark's output has no room for that.
        quiet("com.zaxxer.hikari");
        quiet("org.flywaydb");
    }

    private BenchStores() {
    }

    /** A Doorstep with the site {@value BenchSites#SITE}, and what must be cleaned up when it is done. */
    static final class Site implements AutoCloseable {
        final Doorstep doorstep;
        final String description;
        /** The database under it, for a baseline measured on the same one; {@code null} in memory. */
        final javax.sql.DataSource dataSource;
        private final List<Cleanup> cleanups;

        private Site(Doorstep doorstep, String description, List<Cleanup> cleanups) {
            this(doorstep, description, null, cleanups);
        }

        private Site(Doorstep doorstep, String description, javax.sql.DataSource dataSource, List<Cleanup> cleanups) {
            this.doorstep = doorstep;
            this.description = description;
            this.dataSource = dataSource;
            this.cleanups = cleanups;
        }

        /** Closes the Doorstep and its pool and removes the database, last opened first closed. */
        @Override
        public void close() {
            RuntimeException failure = null;
            for (int i = cleanups.size() - 1; i >= 0; i--) {
                try {
                    cleanups.get(i).run();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = new IllegalStateException("cleaning up " + description + " failed: " + e.getMessage(), e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private interface Cleanup {
        void run() throws Exception;
    }

    /** A fresh, empty site on the named store. */
    static Site open(String store) {
        List<Cleanup> cleanups = new ArrayList<>();
        try {
            return switch (store) {
                case MEMORY -> new Site(BenchSites.withSite(builder().stores(Stores.inMemory()).build()),
                        "in-memory stores", cleanups);
                case H2 -> openH2(cleanups);
                case POSTGRES -> openPostgres(cleanups, 4, builder());
                default -> throw new IllegalArgumentException("store must be " + MEMORY + ", " + H2 + " or "
                        + POSTGRES + ", not " + store);
            };
        } catch (RuntimeException e) {
            new Site(null, store, cleanups).close();
            throw e;
        }
    }

    private static Doorstep.Builder builder() {
        return Doorstep.builder().clock(Clock.fixed(BenchSites.NOW, ZoneOffset.UTC));
    }

    private static Site openH2(List<Cleanup> cleanups) {
        Path directory;
        try {
            directory = Files.createTempDirectory("doorstep-bench-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cleanups.add(() -> deleteTree(directory));
        Doorstep doorstep = builder().embeddedDatabase(directory).build();
        cleanups.add(doorstep::close);
        return new Site(BenchSites.withSite(doorstep), "embedded H2 in " + directory, cleanups);
    }

    /** A fresh, empty site on PostgreSQL with a pool of this many connections. */
    static Site postgres(int poolSize) {
        return postgres(poolSize, builder());
    }

    /**
     * A fresh, empty site on PostgreSQL for a benchmark that lets due work run in real time: this clock (the system
     * clock, not the fixed one), check-ins sealed under this key, and messages delivered by this notifier.
     */
    static Site postgres(int poolSize, Clock clock, byte[] encryptionKey, Notifier notifier) {
        return postgres(poolSize, Doorstep.builder().clock(clock).encryptionKey(encryptionKey).notifier(notifier)
                .publicAddress(java.net.URI.create("https://hulme.example/doorstep/")));
    }

    private static Site postgres(int poolSize, Doorstep.Builder builder) {
        List<Cleanup> cleanups = new ArrayList<>();
        try {
            return openPostgres(cleanups, poolSize, builder);
        } catch (RuntimeException e) {
            new Site(null, POSTGRES, cleanups).close();
            throw e;
        }
    }

    private static Site openPostgres(List<Cleanup> cleanups, int poolSize, Doorstep.Builder builder) {
        String url = System.getenv("DOORSTEP_TEST_POSTGRES_URL");
        String user = env("DOORSTEP_TEST_POSTGRES_USER", "postgres");
        String password = env("DOORSTEP_TEST_POSTGRES_PASSWORD", "");
        if (url == null) {
            throw new IllegalStateException("store=" + POSTGRES + " needs DOORSTEP_TEST_POSTGRES_URL (and _USER, "
                    + "_PASSWORD); bench/core.sh starts a throwaway server and sets them when it is unset");
        }
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(url, user, password, "create schema " + schema);
        cleanups.add(() -> execute(url, user, password, "drop schema " + schema + " cascade"));

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("bench-" + schema);
        HikariDataSource pool = new HikariDataSource(config);
        cleanups.add(pool::close);
        Doorstep doorstep = builder.dataSource(pool).build();
        cleanups.add(doorstep::close);
        return new Site(BenchSites.withSite(doorstep), "PostgreSQL schema " + schema, pool, cleanups);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("\"" + sql + "\" failed on " + url + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }

    private static void quiet(String loggerPrefix) {
        String property = "org.slf4j.simpleLogger.log." + loggerPrefix;
        if (System.getProperty(property) == null) {
            System.setProperty(property, "warn");
        }
    }
}
