package io.github.wschat.core.service;

import io.github.wschat.core.port.in.LeaveAllRoomsCommand;
import io.github.wschat.core.port.in.LeaveAllRoomsUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/** Takes a closed connection out of every room, telling the rooms its user left when that was its last connection there. */
final class LeaveAllRoomsService implements LeaveAllRoomsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(LeaveAllRoomsService.class);

    private final RoomFanOut rooms;

    LeaveAllRoomsService(RoomFanOut rooms) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
    }

    @Override
    public int leaveAllRooms(LeaveAllRoomsCommand command) {
        try {
            int left = rooms.leaveAll(command.connection());
            LOG.debug("{} left {} rooms", command.connection(), left);
            return left;
        } catch (RuntimeException e) {
            LOG.warn("could not take {} out of its rooms; their TTL will", command.connection(), e);
            return 0;
        }
    }
}
