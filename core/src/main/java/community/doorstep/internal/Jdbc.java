package community.doorstep.internal;

import community.doorstep.ConflictException;
import community.doorstep.DoorstepException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database itself, for the due-work scheduler that shares it. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs the work in one transaction: committed whole, or rolled back whole. Called again inside the work (by
     * any store on this database, on the same thread), it joins the transaction already open, so a change and the
     * messages and due work it causes commit together.
     */
    public <T> T inTransaction(Work<T> work) {
        Transaction open = current.get();
        if (open != null) {
            try {
                return work.run(open.connection);
            } catch (SQLException e) {
                throw translate(e);
            }
        }
        T result;
        Transaction transaction;
        try (Connection connection = dataSource.getConnection()) {
            transaction = new Transaction(connection);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            current.set(transaction);
            try {
                result = work.run(connection);
                connection.commit();
            } catch (Throwable e) {
                // an Error too: the finally's setAutoCommit(true) would otherwise commit half the work
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                current.remove();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        transaction.afterCommit.forEach(Runnable::run);
        return result;
    }

    /** Runs once the current transaction has committed (not at all if it rolls back); at once outside one. */
    public void afterCommit(Runnable action) {
        Transaction open = current.get();
        if (open == null) {
            action.run();
        } else {
            open.afterCommit.add(action);
        }
    }

    private static final class Transaction {
        private final Connection connection;
        private final List<Runnable> afterCommit = new ArrayList<>();

        private Transaction(Connection connection) {
            this.connection = connection;
        }
    }

    public <T> List<T> query(String sql, Rows<T> rows, Object... parameters) {
        Transaction open = current.get();
        if (open != null) {
            try {
                return query(open.connection, sql, rows, parameters);
            } catch (SQLException e) {
                throw translate(e);
            }
        }
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

    /** An instant kept as epoch milliseconds, or {@code null} for SQL null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** An instant as the epoch milliseconds it is kept as; {@code null} stays null. */
    public static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    public static DoorstepException translate(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return new ConflictException("that would store a second copy of something that must be unique");
            }
        }
        // Databases quote the values at fault (PostgreSQL's "Failing row contains (…)", H2's "value too long"),
        // which can be contacts or notes: only the codes go on, and the driver's exception, which holds them, does not.
        return new DoorstepException("the database failed (SQL state " + e.getSQLState() + ", error code "
                + e.getErrorCode() + ", " + e.getClass().getSimpleName() + ")");
    }
}
