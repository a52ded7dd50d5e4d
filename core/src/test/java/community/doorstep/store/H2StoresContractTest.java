package community.doorstep.store.jdbc;

import community.doorstep.store.Stores;
import community.doorstep.store.StoresContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2StoresContractTest extends StoresContract {
    @TempDir
    Path directory;

    private JdbcStores opened;

    @Override
    protected Stores openStores() {
        opened = JdbcStores.openEmbedded(directory);
        return opened;
    }

    @Override
    protected void closeStores() {
        opened.close();
    }
}
