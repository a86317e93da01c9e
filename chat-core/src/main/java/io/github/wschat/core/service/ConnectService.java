package io.github.wschat.core.service;

import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.in.ConnectResult;
import io.github.wschat.core.port.in.ConnectUseCase;
import io.github.wschat.core.port.out.ConnectionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;

/** Stores every new connection with the user its command names, stamped with the injected clock's time. */
public final class ConnectService implements ConnectUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectService.class);

    private final ConnectionStore store;
    private final Clock clock;

    public ConnectService(ConnectionStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ConnectResult connect(ConnectCommand command) {
        store.save(Connection.of(command.connectionId(), clock.instant(), command.identity(), command.user()));
        LOG.debug("connected {}", command.connectionId());
        return ConnectResult.accept();
    }
}
