package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.in.DisconnectCommand;
import io.github.wschat.core.port.in.RoomRequestCommand;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.RoomPolicy;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.core.testing.SettableClock;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.inmemory.InMemoryMessageLog;
import io.github.wschat.inmemory.InMemoryMessageSender;
import io.github.wschat.inmemory.InMemoryRoomMembership;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBodyParser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The chat with rooms on the in-memory adapters and the {@link WordsProtocol}; connections say who speaks. */
final class RoomsFixture {

    static final Instant START = Instant.parse("2026-12-02T10:15:30.123Z");
    static final Duration RETENTION = Duration.ofDays(7);

    final SettableClock clock = SettableClock.at(START);
    final InMemoryConnectionStore store = InMemoryConnectionStore.create();
    final InMemoryMessageSender sender = InMemoryMessageSender.create();
    final InMemoryRoomMembership membership = InMemoryRoomMembership.create();
    final InMemoryMessageLog log = InMemoryMessageLog.builder().clock(clock).retention(RETENTION).build();
    final ChatServices chat;
    private final Map<ConnectionId, UserIdentity> users = new ConcurrentHashMap<>();

    RoomsFixture() {
        this(UnaryOperator.identity());
    }

    /** With settings of the test's: a policy, a text limit, a page size, another log. */
    RoomsFixture(UnaryOperator<ChatServices.Builder> settings) {
        chat = settings.apply(builder(log)).build();
    }

    ChatServices.Builder builder(MessageLog messageLog) {
        WordsProtocol words = new WordsProtocol();
        return ChatServices.builder()
                .connectionStore(store)
                .messageSender(sender)
                .connectionInfoQuery(sender)
                .replyRenderer(new JsonReplyRenderer())
                .messageBodyParser(new SendMessageBodyParser())
                .clock(clock)
                .broadcastSettings(BroadcastSettings.defaults().withPageSize(7))
                .roomMembership(membership)
                .messageLog(messageLog)
                .roomRequestParser(words)
                .roomEventRenderer(words);
    }

    static UnaryOperator<ChatServices.Builder> policy(RoomPolicy policy) {
        return builder -> builder.roomPolicy(policy);
    }

    /** Connects {@code id} for {@code user}. */
    ConnectionId connect(String id, UserIdentity user) {
        ConnectionId connection = ConnectionId.of(id);
        chat.connect().connect(new ConnectCommand(connection, ClientIdentity.UNKNOWN, user));
        users.put(connection, user);
        return connection;
    }

    /** Connects {@code id} for its anonymous user. */
    ConnectionId connect(String id) {
        return connect(id, UserIdentity.anonymous(ConnectionId.of(id)));
    }

    static UserIdentity user(String userId, String... grants) {
        return UserIdentity.of(userId, "name of " + userId, List.of(grants));
    }

    /** A command of the {@link WordsProtocol} from the wire, as a Lambda handler of a room route sends it. */
    RoomResult send(ConnectionId from, String body) {
        return chat.roomRequest().handle(new RoomRequestCommand(from, users.get(from), body));
    }

    /** The clients join the room, and what they were told is forgotten: the start of most tests. */
    void joined(String room, ConnectionId... clients) {
        for (ConnectionId client : clients) {
            send(client, "join " + room);
        }
        forgetReceived();
    }

    void disconnect(ConnectionId id) {
        chat.disconnect().disconnect(new DisconnectCommand(id));
    }

    /** What {@code id} received, oldest first. */
    List<String> received(ConnectionId id) {
        return sender.receivedBy(id);
    }

    /** Forgets what was received. */
    void forgetReceived() {
        sender.reset();
    }
}
