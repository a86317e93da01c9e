package io.github.wschat.inmemory.housefixture;

import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.service.DisconnectService;

/** An adapter that makes a core service instead of being given its use case: what the house rules must refuse. */
public final class MakesAService {

    private MakesAService() {
    }

    public static DisconnectService disconnect(ConnectionStore store) {
        return new DisconnectService(store);
    }
}
