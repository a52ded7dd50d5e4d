package community.doorstep.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The PostgreSQL server tests run against, named by DOORSTEP_TEST_POSTGRES_URL (and _USER, _PASSWORD).
 * {@code ./doorstep test} installs and starts a throwaway one; a plain {@code mvn verify} without it skips
 * these tests and says so, except under CI, where a missing server is a failure.
 */
public final class Postgres {
    public static final String URL = System.getenv("DOORSTEP_TEST_POSTGRES_URL");
    public static final String USER = env("DOORSTEP_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("DOORSTEP_TEST_POSTGRES_PASSWORD", "");

    private Postgres() {
    }

    /** Skips the calling test when no server is configured, or fails it under CI. */
    public static void assumeAvailable() {
        if (URL != null) {
            return;
        }
        String why = "PostgreSQL tests need DOORSTEP_TEST_POSTGRES_URL; `./doorstep test` starts a server and sets it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " (under CI they never skip)");
        }
        Assumptions.abort(why);
    }

    /** A pool whose connections use a fresh, empty schema of their own, so tests never see each other's rows. */
    public static HikariDataSource freshSchema() {
        return pool(freshSchemaUrl(), USER, PASSWORD);
    }

    /** The address of a fresh, empty schema of its own, for pools in other processes too. */
    public static String freshSchemaUrl() {
        assumeAvailable();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + URL + ": " + e.getMessage(), e);
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }
}
