package community.doorstep.store;

import community.doorstep.DoorstepException;
import community.doorstep.internal.ContentVersions;
import community.doorstep.internal.Jdbc;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where a {@link community.doorstep.Doorstep} keeps its data: in memory (tests, previews), in a database the
 * host owns (PostgreSQL in production, or H2), or in an embedded H2 database in a directory. This is only the
 * choice: each feature opens its own stores on it, so adding a feature changes nothing here.
 *
 * <p>Opening a database brings its schema up to date with Flyway, in Doorstep's own history table
 * ({@value #HISTORY_TABLE}) so a host application's own migrations are untouched.
 */
public final class Stores implements AutoCloseable {
    /** Where Doorstep records which of its migrations ran. */
    public static final String HISTORY_TABLE = "doorstep_schema_history";
    private static final String MIGRATIONS = "classpath:community/doorstep/store/migration";
    private static final String EMBEDDED_NAME = "doorstep";

    private final Jdbc jdbc;
    private final ContentVersions versions;
    private final AutoCloseable owned;
    private final java.util.Map<Class<?>, Object> opened = new java.util.concurrent.ConcurrentHashMap<>();

    private Stores(DataSource dataSource, AutoCloseable owned) {
        this.jdbc = dataSource == null ? null : new Jdbc(dataSource);
        this.versions = new ContentVersions(jdbc);
        this.owned = owned;
    }

    /** Stores that live as long as the JVM: for tests, previews and throwaway checks. */
    public static Stores inMemory() {
        return new Stores(null, null);
    }

    /**
     * Stores over a database the host application owns (its pool, its credentials). Doorstep's tables may
     * share a schema with the host's own; the host closes its data source.
     */
    public static Stores jdbc(DataSource dataSource) {
        migrate(Objects.requireNonNull(dataSource, "dataSource"), true, "the database");
        return new Stores(dataSource, null);
    }

    /**
     * The embedded default: an H2 database in file mode in the given directory, opened (and created if the
     * directory holds none) with a small pool that {@link #close()} shuts.
     */
    public static Stores embedded(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (java.io.IOException e) {
            throw new DoorstepException("cannot create the database directory " + absolute + ": " + e.getMessage(), e);
        }
        // WRITE_DELAY=0: a commit is on disk before it returns, so an acknowledged write survives a killed process.
        JdbcConnectionPool pool = migratedH2("jdbc:h2:file:" + absolute.resolve(EMBEDDED_NAME) + ";WRITE_DELAY=0",
                "the embedded database in " + absolute);
        return new Stores(pool, pool::dispose);
    }

    /**
     * An H2 database in memory, migrated like any other, gone when closed: where in-memory stores keep their due
     * work, since db-scheduler needs a database. Not for host applications.
     */
    public static Stores inMemoryDatabase(String name) {
        JdbcConnectionPool pool = migratedH2("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "the in-memory database " + name);
        return new Stores(pool, () -> {
            try (Connection connection = pool.getConnection()) {
                connection.createStatement().execute("shutdown");
            } finally {
                pool.dispose();
            }
        });
    }

    /** A pool on an H2 database that Doorstep owns alone, its schema brought up to date; disposed if that fails. */
    private static JdbcConnectionPool migratedH2(String url, String what) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "doorstep", "");
        try {
            migrate(pool, false, what);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return pool;
    }

    /** Whether data are kept in memory only. */
    public boolean memoryOnly() {
        return jdbc == null;
    }

    /** For the features' own JDBC stores; {@code null} in memory. Not for host applications. */
    public Jdbc database() {
        return jdbc;
    }

    /**
     * The one store of this kind on this storage, made on first use: in memory there must be exactly one, or a
     * feature and its tests would see different data. Not for host applications.
     */
    public <T> T shared(Class<T> kind, java.util.function.Supplier<? extends T> make) {
        return kind.cast(opened.computeIfAbsent(kind, k -> make.get()));
    }

    /**
     * Runs the work so that every store write in it commits together, or none does: one database transaction
     * (stores join it), or in memory simply the work. Not for host applications.
     */
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return jdbc == null ? work.get() : jdbc.inTransaction(connection -> work.get());
    }

    /** Runs the action once the current transaction has committed; in memory, at once. Not for host applications. */
    public void afterCommit(Runnable action) {
        if (jdbc == null) {
            action.run();
        } else {
            jdbc.afterCommit(action);
        }
    }

    /** The per-site content versions every feature's store bumps. Not for host applications. */
    public ContentVersions contentVersions() {
        return versions;
    }

    private static void migrate(DataSource dataSource, boolean mayShareSchema, String what) {
        try (Connection connection = dataSource.getConnection()) {
            if (!mayShareSchema && hasForeignTables(connection)) {
                throw new DoorstepException(what + " holds tables that are not Doorstep's; give Doorstep a directory of its own");
            }
        } catch (SQLException e) {
            throw new DoorstepException("cannot open " + what + ": " + e.getMessage(), e);
        }
        Flyway flyway = Flyway.configure(Stores.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(MIGRATIONS)
                // In a schema the host shares, start Doorstep's history below its first migration.
                .baselineOnMigrate(mayShareSchema)
                .baselineVersion("0")
                .load();
        try {
            refuseNewerSchema(flyway.info(), what);
            flyway.migrate();
        } catch (FlywayException e) {
            throw new DoorstepException("cannot prepare " + what + ": " + e.getMessage(), e);
        }
    }

    private static void refuseNewerSchema(MigrationInfoService info, String what) {
        MigrationInfo current = info.current();
        MigrationVersion newestKnown = Arrays.stream(info.all())
                .filter(migration -> migration.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
        if (current != null && current.getVersion() != null && current.getVersion().compareTo(newestKnown) > 0) {
            throw new DoorstepException(what + " has schema version " + current.getVersion()
                    + ", newer than this Doorstep knows (" + newestKnown + "): run a newer Doorstep against it");
        }
    }

    private static boolean hasForeignTables(Connection connection) throws SQLException {
        boolean ours = false;
        boolean others = false;
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            while (tables.next()) {
                String schema = String.valueOf(tables.getString("TABLE_SCHEM"));
                if (schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    continue;
                }
                boolean history = tables.getString("TABLE_NAME").equalsIgnoreCase(HISTORY_TABLE);
                ours |= history;
                others |= !history;
            }
        }
        return others && !ours;
    }

    /** Shuts the embedded database's pool; for a host's data source or memory, does nothing. */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new DoorstepException("could not close the database: " + e.getMessage(), e);
            }
        }
    }
}
