package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.port.out.AppendResult;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.MessageLogException;

/** A log whose appends fail, as an unreachable table's would; reads go to a real one. */
final class FailingAppends implements MessageLog {

    private final MessageLog reads;

    FailingAppends(MessageLog reads) {
        this.reads = reads;
    }

    @Override
    public AppendResult append(NewMessage message) {
        throw new MessageLogException("table unreachable");
    }

    @Override
    public long lastSeq(RoomName room) {
        return reads.lastSeq(room);
    }

    @Override
    public HistoryPage read(RoomName room, long afterSeq, int limit) {
        return reads.read(room, afterSeq, limit);
    }
}
