package io.github.wschat.inmemory.spec;

import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.in.DisconnectCommand;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.inmemory.InMemoryMessageSender;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBodyParser;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The chat wired to the in-memory adapters and the JSON renderer, as a user of the library would. */
final class ChatFixture {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final ClientIdentity WSCAT = ClientIdentity.of("203.0.113.10", "wscat/6.1.0");

    final InMemoryConnectionStore store = InMemoryConnectionStore.create();
    final InMemoryMessageSender sender = InMemoryMessageSender.create();
    final ChatServices chat;

    ChatFixture() {
        this(BroadcastSettings.defaults());
    }

    ChatFixture(BroadcastSettings settings) {
        chat = jsonChat(store, sender).connectionInfoQuery(sender)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .broadcastSettings(settings)
                .build();
    }

    /**
     * A chat that only broadcasts, on the given store and sender and the JSON protocol; the gateway
     * knows nothing of its connections.
     */
    static ChatServices broadcastingChat(ConnectionStore store, MessageSender sender, BroadcastSettings settings) {
        return jsonChat(store, sender).connectionInfoQuery(id -> Optional.empty()).broadcastSettings(settings).build();
    }

    private static ChatServices.Builder jsonChat(ConnectionStore store, MessageSender sender) {
        return ChatServices.builder()
                .connectionStore(store)
                .messageSender(sender)
                .replyRenderer(new JsonReplyRenderer())
                .messageBodyParser(new SendMessageBodyParser());
    }

    ConnectionId connect(String id) {
        ConnectionId connectionId = ConnectionId.of(id);
        chat.connect().connect(new ConnectCommand(connectionId, WSCAT, UserIdentity.anonymous(connectionId)));
        return connectionId;
    }

    void disconnect(ConnectionId id) {
        chat.disconnect().disconnect(new DisconnectCommand(id));
    }

    BroadcastResult send(ConnectionId from, String message) {
        return chat.broadcast().broadcast(new BroadcastCommand(from, message));
    }
}
