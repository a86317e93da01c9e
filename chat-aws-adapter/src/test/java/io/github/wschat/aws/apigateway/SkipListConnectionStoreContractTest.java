package io.github.wschat.aws.apigateway;

import io.github.wschat.core.contract.ConnectionStoreContract;
import io.github.wschat.core.port.out.ConnectionStore;

/** The test store used by the fan-out tests keeps the store contract, so those tests can trust it. */
class SkipListConnectionStoreContractTest extends ConnectionStoreContract {

    @Override
    protected ConnectionStore createEmptyStore() {
        return new SkipListConnectionStore();
    }
}
