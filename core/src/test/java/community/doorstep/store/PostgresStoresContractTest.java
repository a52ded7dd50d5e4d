package community.doorstep.store;

import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.testing.Postgres;

class PostgresStoresContractTest extends StoresContract {
    private HikariDataSource pool;

    @Override
    protected Stores openStores() {
        pool = Postgres.freshSchema();
        return Stores.jdbc(pool);
    }

    @Override
    protected void closeStores() {
        if (pool != null) {
            pool.close();
        }
    }
}
