package community.doorstep.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.store.Stores;
import community.doorstep.store.StoresContract;
import community.doorstep.testing.Postgres;

class PostgresStoresContractTest extends StoresContract {
    private HikariDataSource pool;

    @Override
    protected Stores openStores() {
        pool = Postgres.freshSchema();
        return JdbcStores.open(pool);
    }

    @Override
    protected void closeStores() {
        if (pool != null) {
            pool.close();
        }
    }
}
