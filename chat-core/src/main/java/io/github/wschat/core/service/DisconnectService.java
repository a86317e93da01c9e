package io.github.wschat.core.service;

import io.github.wschat.core.port.in.DisconnectCommand;
import io.github.wschat.core.port.in.DisconnectUseCase;
import io.github.wschat.core.port.out.ConnectionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/** Removes a closed connection from the store. */
public final class DisconnectService implements DisconnectUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(DisconnectService.class);

    private final ConnectionStore store;

    public DisconnectService(ConnectionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void disconnect(DisconnectCommand command) {
        store.remove(command.connectionId());
        LOG.debug("disconnected {}", command.connectionId());
    }
}
