package io.github.wschat.core.service;

import io.github.wschat.core.port.in.DisconnectCommand;
import io.github.wschat.core.port.in.DisconnectUseCase;
import io.github.wschat.core.port.in.LeaveAllRoomsCommand;
import io.github.wschat.core.port.in.LeaveAllRoomsUseCase;
import io.github.wschat.core.port.out.ConnectionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Removes a closed connection from the store and, made by {@link ChatServices} with rooms, from every
 * room it was in, telling each room its user left when that was its last connection there.
 */
public final class DisconnectService implements DisconnectUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(DisconnectService.class);

    private final ConnectionStore store;
    private final LeaveAllRoomsUseCase rooms;

    /** Without rooms: the connection is removed from the store only. */
    public DisconnectService(ConnectionStore store) {
        this(store, null);
    }

    /** With rooms: {@code rooms} takes the connection out of each of them; {@code null} for none. */
    public DisconnectService(ConnectionStore store, LeaveAllRoomsUseCase rooms) {
        this.store = Objects.requireNonNull(store, "store");
        this.rooms = rooms;
    }

    @Override
    public void disconnect(DisconnectCommand command) {
        store.remove(command.connectionId());
        if (rooms != null) {
            rooms.leaveAllRooms(new LeaveAllRoomsCommand(command.connectionId()));
        }
        LOG.debug("disconnected {}", command.connectionId());
    }
}
