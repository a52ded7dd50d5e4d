package community.doorstep.internal;

import community.doorstep.ConflictException;
import community.doorstep.DoorstepException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The little JDBC Doorstep needs: queries, updates and transactions, with SQL errors turned into its own.
 * Shared by the JDBC stores of every feature.
 */
public final class Jdbc {
    /** The SQL state both H2 and PostgreSQL give a unique-key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Maps one row. */
    public interface Rows<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work done on one connection, inside a transaction. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database itself, for the due-work scheduler that shares it. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs the work in one transaction: committed whole, or rolled back whole. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    public <T> List<T> query(String sql, Rows<T> rows, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, rows, parameters);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    public void update(String sql, Object... parameters) {
        inTransaction(connection -> update(connection, sql, parameters));
    }

    public static <T> List<T> query(Connection connection, String sql, Rows<T> rows, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (result.next()) {
                    found.add(rows.map(result));
                }
                return found;
            }
        }
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Runs one query for each parameter list on one prepared statement, and collects every row. */
    public <T> List<T> queryEach(String sql, Rows<T> rows, List<Object[]> parameterLists) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            List<T> found = new ArrayList<>();
            for (Object[] parameters : parameterLists) {
                bind(statement, parameters);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        found.add(rows.map(result));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Whether the database is H2, whose planner needs some queries put differently. */
    public boolean isH2() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs one statement for each parameter list, sent to the database as a batch. */
    public static void batch(Connection connection, String sql, List<Object[]> parameterLists) throws SQLException {
        if (parameterLists.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] parameters : parameterLists) {
                bind(statement, parameters);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    public static DoorstepException translate(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return new ConflictException("that would store a second copy of something that must be unique");
            }
        }
        return new DoorstepException("the database failed: " + e.getMessage(), e);
    }
}
