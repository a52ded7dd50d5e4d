package community.doorstep.checkin;

import community.doorstep.store.Stores;

class MemoryCheckInTest extends CheckInContract {
    @Override
    protected Stores openStores() {
        return Stores.inMemory();
    }
}
