package io.github.wschat.inmemory;

import io.github.wschat.core.contract.ConnectionStoreContract;
import io.github.wschat.core.port.out.ConnectionStore;

class InMemoryConnectionStoreContractTest extends ConnectionStoreContract {

    @Override
    protected ConnectionStore createEmptyStore() {
        return InMemoryConnectionStore.create();
    }
}
