package community.doorstep.store.jdbc;

import community.doorstep.DoorstepException;
import community.doorstep.access.AccessStore;
import community.doorstep.events.EventStore;
import community.doorstep.site.SiteStore;
import community.doorstep.store.Stores;
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
 * Stores in a relational database: PostgreSQL in production, H2 in file mode as the embedded default.
 * Opening them brings the schema up to date with Flyway, in Doorstep's own history table
 * ({@value #HISTORY_TABLE}) so a host application's own migrations are untouched.
 */
public final class JdbcStores implements Stores, AutoCloseable {
    /** Where Doorstep records which of its migrations ran. */
    public static final String HISTORY_TABLE = "doorstep_schema_history";
    private static final String MIGRATIONS = "classpath:community/doorstep/store/jdbc/migration";
    private static final String EMBEDDED_NAME = "doorstep";

    private final SiteStore sites;
    private final EventStore events;
    private final AccessStore access;
    private final AutoCloseable owned;

    private JdbcStores(DataSource dataSource, AutoCloseable owned) {
        Jdbc jdbc = new Jdbc(dataSource);
        JdbcSiteStore siteStore = new JdbcSiteStore(jdbc);
        this.sites = siteStore;
        this.events = new JdbcEventStore(jdbc, siteStore);
        this.access = new JdbcAccessStore(jdbc);
        this.owned = owned;
    }

    /**
     * Stores over a database the host application owns (its pool, its credentials). Doorstep's tables may
     * share a schema with the host's own; the host closes its data source.
     */
    public static JdbcStores open(DataSource dataSource) {
        migrate(Objects.requireNonNull(dataSource, "dataSource"), true, "the database");
        return new JdbcStores(dataSource, null);
    }

    /**
     * The embedded default: an H2 database in file mode in the given directory, opened (and created if the
     * directory holds none) with a small pool that {@link #close()} shuts.
     */
    public static JdbcStores openEmbedded(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (java.io.IOException e) {
            throw new DoorstepException("cannot create the database directory " + absolute + ": " + e.getMessage(), e);
        }
        // WRITE_DELAY=0: a commit is on disk before it returns, so an acknowledged write survives a killed process.
        String url = "jdbc:h2:file:" + absolute.resolve(EMBEDDED_NAME) + ";WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "doorstep", "");
        try {
            migrate(pool, false, "the embedded database in " + absolute);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return new JdbcStores(pool, pool::dispose);
    }

    private static void migrate(DataSource dataSource, boolean mayShareSchema, String what) {
        try (Connection connection = dataSource.getConnection()) {
            if (!mayShareSchema && hasForeignTables(connection)) {
                throw new DoorstepException(what + " holds tables that are not Doorstep's; give Doorstep a directory of its own");
            }
        } catch (SQLException e) {
            throw new DoorstepException("cannot open " + what + ": " + e.getMessage(), e);
        }
        Flyway flyway = Flyway.configure(JdbcStores.class.getClassLoader())
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

    /** Shuts the embedded database's pool; for a host's data source, does nothing. */
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
