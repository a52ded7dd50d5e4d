package community.doorstep.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2StoresContractTest extends StoresContract {
    @TempDir
    Path directory;

    private Stores opened;

    @Override
    protected Stores openStores() {
        opened = Stores.embedded(directory);
        return opened;
    }

    @Override
    protected void closeStores() {
        opened.close();
    }
}
