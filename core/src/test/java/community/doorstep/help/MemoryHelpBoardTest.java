package community.doorstep.help;

import community.doorstep.store.Stores;

class MemoryHelpBoardTest extends HelpBoardContract {
    @Override
    protected Stores openStores() {
        return Stores.inMemory();
    }
}
