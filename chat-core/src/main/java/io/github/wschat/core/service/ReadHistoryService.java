package io.github.wschat.core.service;

import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.ServerResult;
import io.github.wschat.core.port.in.ReadHistoryCommand;
import io.github.wschat.core.port.in.ReadHistoryUseCase;
import io.github.wschat.core.port.out.MessageLog;

import java.util.Objects;

/** A page of a room's log over the server API: the page a member's {@code history} gets, fitted the same way. */
final class ReadHistoryService implements ReadHistoryUseCase {

    private final RoomAccess access;
    private final MessageLog log;
    private final HistoryFitting fitting;

    ReadHistoryService(RoomAccess access, MessageLog log, HistoryFitting fitting) {
        this.access = Objects.requireNonNull(access, "access");
        this.log = Objects.requireNonNull(log, "log");
        this.fitting = Objects.requireNonNull(fitting, "fitting");
    }

    @Override
    public ServerResult<HistoryPage> read(ReadHistoryCommand command) {
        RoomName room = command.room();
        return access.call(command.caller(), room, "read the history of room " + room, () -> ServerResult.ok(
                fitting.fit(room, log.read(room, command.after(), command.limit()), null).page()));
    }
}
