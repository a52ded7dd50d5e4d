package community.doorstep.help;

import community.doorstep.store.Stores;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2HelpBoardTest extends HelpBoardContract {
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
