package io.github.wschat.inmemory;

import io.github.wschat.core.contract.ConnectionInfoQueryContract;
import io.github.wschat.core.contract.MessageSenderContract;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.MessageSender;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

class InMemoryMessageSenderContractTest extends MessageSenderContract implements ConnectionInfoQueryContract {

    private final AtomicInteger ids = new AtomicInteger();
    private InMemoryMessageSender sender;

    @Override
    protected MessageSender createSender() {
        sender = InMemoryMessageSender.create();
        return sender;
    }

    @Override
    public ConnectionInfoQuery connectionInfoQuery() {
        return sender;
    }

    @Override
    public ConnectionId givenLiveConnection() {
        ConnectionId id = ConnectionId.of("live-" + ids.incrementAndGet());
        Instant now = Instant.parse("2026-11-25T10:15:30Z");
        sender.registerInfo(id, new ConnectionInfo(now, now, ClientIdentity.of("203.0.113.10", "wscat/6.1.0")));
        return id;
    }

    @Override
    public ConnectionId givenGoneConnection() {
        ConnectionId id = ConnectionId.of("gone-" + ids.incrementAndGet());
        sender.markGone(id);
        return id;
    }

    @Override
    protected List<String> receivedBy(ConnectionId id) {
        return sender.receivedBy(id);
    }
}
