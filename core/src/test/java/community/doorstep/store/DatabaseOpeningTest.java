package community.doorstep.store;

import community.doorstep.site.SiteStore;
import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.Doorstep;
import community.doorstep.DoorstepException;
import community.doorstep.site.Site;
import community.doorstep.testing.Postgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening a database: migrations in Doorstep's own history, and a clear error for anything wrong at start. */
class DatabaseOpeningTest {
    @TempDir
    Path directory;

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossRestarts() {
        try (Doorstep first = Doorstep.builder().embeddedDatabase(directory).build()) {
            first.sites().saveSite(Site.of("hulme", "Hulme Community Partnership"));
        }
        try (Doorstep second = Doorstep.builder().embeddedDatabase(directory).build()) {
            assertThat(second.sites().findSite("hulme")).isPresent();
        }
        assertThat(directory.resolve("doorstep.mv.db")).exists();
    }

    @Test
    void aDirectoryHoldingAnotherApplicationsDatabaseIsRefused() throws SQLException {
        execute(h2(directory, "doorstep", ""), "create table customers (id int primary key)");
        assertThatThrownBy(() -> Stores.embedded(directory))
                .isInstanceOf(DoorstepException.class)
                .hasMessageContaining("holds tables that are not Doorstep's");
    }

    @Test
    void aCorruptedDatabaseFileIsAClearErrorNotAnEmptyStore() throws Exception {
        Stores.embedded(directory).close();
        Path file = directory.resolve("doorstep.mv.db");
        byte[] garbage = new byte[(int) Files.size(file)];
        java.util.Arrays.fill(garbage, (byte) 0x5a);
        Files.write(file, garbage);
        assertThatThrownBy(() -> Stores.embedded(directory))
                .isInstanceOf(DoorstepException.class)
                .hasMessageContaining("cannot open the embedded database in " + directory.toAbsolutePath().normalize());
    }

    @Test
    void aWrongPasswordIsAClearError() throws SQLException {
        execute(h2(directory, "host", "right"), "create table host_member (id int)");
        assertThatThrownBy(() -> Stores.jdbc(h2(directory, "host", "wrong")))
                .isInstanceOf(DoorstepException.class)
                .hasMessageContaining("cannot open the database")
                .hasMessageContaining("password");
    }

    @Test
    void aSchemaNewerThanTheCodeIsRefused() throws SQLException {
        Stores.embedded(directory).close();
        // Flyway keeps its history table's name and columns in lower case, quoted.
        execute(h2(directory, "doorstep", ""), "insert into \"doorstep_schema_history\" (\"installed_rank\", \"version\","
                + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " values (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'doorstep', 1, true)");
        assertThatThrownBy(() -> Stores.embedded(directory))
                .isInstanceOf(DoorstepException.class)
                .hasMessageContaining("has schema version 99, newer than this Doorstep knows (")
                .hasMessageContaining("run a newer Doorstep");
    }

    @Test
    void doorstepsMigrationsLeaveAHostsOwnFlywayAlone() throws SQLException {
        HikariDataSource pool = Postgres.freshSchema();
        try (pool) {
            Flyway host = Flyway.configure().dataSource(pool).locations("classpath:community/doorstep/store/jdbc/host").load();
            host.migrate();
            SiteStore.of(Stores.jdbc(pool)).saveSite(Site.of("hulme", "Hulme"));
            Stores.jdbc(pool);

            assertThat(host.validateWithResult().validationSuccessful).isTrue();
            assertThat(host.info().current().getVersion().getVersion()).isEqualTo("1");
            assertThat(query(pool, "select name from host_member")).containsExactly("Existing member");
            assertThat(query(pool, "select version from doorstep_schema_history where version is not null order by installed_rank"))
                    .startsWith("0", "1");
        }
    }

    // Unpooled data sources: a pool would refuse to start before Doorstep is asked anything.
    @Test
    void anUnreachableServerIsAClearErrorAtStart() {
        Postgres.assumeAvailable();
        assertThatThrownBy(() -> Stores.jdbc(unpooled("jdbc:postgresql://127.0.0.1:9/postgres?connectTimeout=2", "postgres", "x")))
                .isInstanceOf(DoorstepException.class)
                .hasMessageContaining("cannot open the database")
                .hasMessageContaining("refused");
    }

    @Test
    void aWrongPostgresPasswordIsAClearError() {
        Postgres.assumeAvailable();
        assertThatThrownBy(() -> Stores.jdbc(unpooled(Postgres.URL, Postgres.USER, Postgres.PASSWORD + "-wrong")))
                .isInstanceOf(DoorstepException.class)
                .hasMessageContaining("password authentication failed");
    }

    private static DataSource unpooled(String url, String user, String password) {
        org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    private static JdbcDataSource h2(Path directory, String user, String password) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + directory.toAbsolutePath().normalize().resolve("doorstep"));
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    private static void execute(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
