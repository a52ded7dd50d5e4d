package community.doorstep.store;

class MemoryStoresContractTest extends StoresContract {
    @Override
    protected Stores openStores() {
        return Stores.inMemory();
    }
}
