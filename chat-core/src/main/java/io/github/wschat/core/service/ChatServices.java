package io.github.wschat.core.service;

import io.github.wschat.core.domain.TextLimit;
import io.github.wschat.core.port.in.BroadcastUseCase;
import io.github.wschat.core.port.in.ConnectUseCase;
import io.github.wschat.core.port.in.DefaultRouteUseCase;
import io.github.wschat.core.port.in.DisconnectUseCase;
import io.github.wschat.core.port.in.JoinRoomUseCase;
import io.github.wschat.core.port.in.LeaveAllRoomsUseCase;
import io.github.wschat.core.port.in.LeaveRoomUseCase;
import io.github.wschat.core.port.in.ListMembersUseCase;
import io.github.wschat.core.port.in.PostMessageUseCase;
import io.github.wschat.core.port.in.PublishUseCase;
import io.github.wschat.core.port.in.ReadHistoryUseCase;
import io.github.wschat.core.port.in.RejectMessageUseCase;
import io.github.wschat.core.port.in.RoomHistoryUseCase;
import io.github.wschat.core.port.in.RoomMembersUseCase;
import io.github.wschat.core.port.in.RoomRequestUseCase;
import io.github.wschat.core.port.in.SendMessageUseCase;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageBodyParser;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.ReplyRenderer;
import io.github.wschat.core.port.out.RoomEventRenderer;
import io.github.wschat.core.port.out.RoomMembership;
import io.github.wschat.core.port.out.RoomPolicy;
import io.github.wschat.core.port.out.RoomRequestParser;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * All the chat's use cases, wired to one set of adapters.
 *
 * <pre>{@code
 * ChatServices chat = ChatServices.builder()
 *         .connectionStore(store)
 *         .messageSender(sender)
 *         .connectionInfoQuery(sender)                  // the in-memory and API Gateway senders answer it too
 *         .replyRenderer(new JsonReplyRenderer())
 *         .messageBodyParser(new SendMessageBodyParser())
 *         .build();
 * ConnectionId a1 = ConnectionId.of("A1");
 * chat.connect().connect(new ConnectCommand(a1, ClientIdentity.UNKNOWN, UserIdentity.anonymous(a1)));
 * chat.broadcast().broadcast(new BroadcastCommand(a1, "hello, everyone!"));
 * chat.sendMessage().sendMessage(new SendMessageCommand(a1, UserIdentity.anonymous(a1), "{\"message\":\"hi\"}"));
 * }</pre>
 *
 * <p>Rooms (PROTOCOL §3–6: join, leave, members, publish with sequence numbers, history) are on when
 * the builder is given their four ports, {@link Builder#roomMembership}, {@link Builder#messageLog},
 * {@link Builder#roomRequestParser} and {@link Builder#roomEventRenderer}, and off when it is given none
 * of them, as a chat built for the tutorial alone is: its use cases are the same either way. With
 * rooms on, {@code $disconnect} and a recipient found gone in any fan-out also take the connection out
 * of every room it was in, telling the rooms' other members; the rooms' fan-outs share the broadcast's
 * bounded pool. The room use cases of a chat without rooms throw {@link IllegalStateException}, saying so.
 *
 * <p>The one place the services are made: adapters get the use cases from here (on AWS, through
 * {@code io.github.wschat.aws.ApiGatewayChat}, one instance per {@code @connections} endpoint),
 * never by making services themselves.
 */
public final class ChatServices {

    private final ConnectUseCase connect;
    private final DisconnectUseCase disconnect;
    private final DefaultRouteUseCase defaultRoute;
    private final RejectMessageUseCase rejectMessage;
    private final BroadcastUseCase broadcast;
    private final SendMessageUseCase sendMessage;
    private final Rooms rooms;

    private ChatServices(Builder builder) {
        FanOut fanOut = new FanOut(builder.messageSender, builder.broadcastSettings);
        RoomFanOut roomFanOut = builder.hasRooms()
                ? new RoomFanOut(builder.connectionStore, builder.roomMembership, builder.roomEventRenderer, fanOut)
                : null;
        this.rooms = roomFanOut != null ? new Rooms(builder, roomFanOut, fanOut.settings().pageSize()) : null;
        this.connect = new ConnectService(builder.connectionStore, builder.clock);
        this.disconnect = new DisconnectService(builder.connectionStore, rooms != null ? rooms.leaveAll : null);
        this.defaultRoute = new DefaultRouteService(builder.connectionInfoQuery, builder.messageSender,
                builder.replyRenderer);
        this.rejectMessage = new RejectMessageService(builder.messageSender, builder.replyRenderer);
        this.broadcast = new BroadcastService(builder.connectionStore, rejectMessage, fanOut,
                roomFanOut != null ? roomFanOut::goneRecipients : null);
        this.sendMessage = new SendMessageService(builder.messageBodyParser, broadcast, rejectMessage);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ConnectUseCase connect() {
        return connect;
    }

    public DisconnectUseCase disconnect() {
        return disconnect;
    }

    public DefaultRouteUseCase defaultRoute() {
        return defaultRoute;
    }

    public RejectMessageUseCase rejectMessage() {
        return rejectMessage;
    }

    public BroadcastUseCase broadcast() {
        return broadcast;
    }

    /** {@code sendmessage} as it comes from the wire: the body read, judged and broadcast in one pass. */
    public SendMessageUseCase sendMessage() {
        return sendMessage;
    }

    /** Whether the chat was built with rooms, so that the room use cases below may be used. */
    public boolean hasRooms() {
        return rooms != null;
    }

    /** {@code join}, {@code leave}, {@code members}, {@code publish} and {@code history} as they come from the wire. */
    public RoomRequestUseCase roomRequest() {
        return rooms().request;
    }

    public JoinRoomUseCase joinRoom() {
        return rooms().join;
    }

    public LeaveRoomUseCase leaveRoom() {
        return rooms().leave;
    }

    public RoomMembersUseCase roomMembers() {
        return rooms().members;
    }

    public PublishUseCase publish() {
        return rooms().publish;
    }

    public RoomHistoryUseCase roomHistory() {
        return rooms().history;
    }

    /** Every room of a connection left: for a {@code $disconnect} made elsewhere, or a connection found gone. */
    public LeaveAllRoomsUseCase leaveAllRooms() {
        return rooms().leaveAll;
    }

    /**
     * The server API's post (PROTOCOL §7): a publish without a connection, by a caller the room policy lets in
     * (or a backend), delivered to every connection of the room; the publish's text rules, store and fan-out.
     */
    public PostMessageUseCase postMessage() {
        return rooms().post;
    }

    /** The server API's history read: a member's {@code history} page, for a caller the room policy lets in. */
    public ReadHistoryUseCase readHistory() {
        return rooms().readHistory;
    }

    /** The server API's members list: a member's {@code members}, for a caller the room policy lets in. */
    public ListMembersUseCase listMembers() {
        return rooms().listMembers;
    }

    private Rooms rooms() {
        if (rooms == null) {
            throw new IllegalStateException("this chat has no rooms: build it with roomMembership, messageLog, "
                    + "roomRequestParser and roomEventRenderer to use them");
        }
        return rooms;
    }

    /** The room use cases, made together on one set of room ports. */
    private static final class Rooms {
        final JoinRoomUseCase join;
        final LeaveRoomUseCase leave;
        final RoomMembersUseCase members;
        final PublishUseCase publish;
        final RoomHistoryUseCase history;
        final LeaveAllRoomsUseCase leaveAll;
        final RoomRequestUseCase request;
        final PostMessageUseCase post;
        final ReadHistoryUseCase readHistory;
        final ListMembersUseCase listMembers;

        Rooms(Builder builder, RoomFanOut fanOut, int pageSize) {
            RoomReplies replies = new RoomReplies(builder.messageSender, builder.roomEventRenderer);
            RoomPublication publication = new RoomPublication(builder.messageLog, builder.textLimit,
                    builder.broadcastSettings.payloadLimit(), builder.roomEventRenderer, fanOut, builder.clock);
            HistoryFitting fitting = new HistoryFitting(builder.roomEventRenderer, builder.broadcastSettings.payloadLimit());
            RoomRoster roster = new RoomRoster(builder.roomMembership, pageSize);
            RoomAccess access = new RoomAccess(builder.roomPolicy);
            this.join = new JoinRoomService(builder.roomMembership, builder.messageLog, builder.roomPolicy, replies,
                    fanOut, builder.clock);
            this.leave = new LeaveRoomService(builder.roomMembership, replies, fanOut);
            this.members = new RoomMembersService(builder.roomMembership, replies, roster);
            this.publish = new PublishService(builder.roomMembership, publication, replies);
            this.history = new RoomHistoryService(builder.roomMembership, builder.messageLog, replies, fitting);
            this.post = new PostMessageService(access, publication);
            this.readHistory = new ReadHistoryService(access, builder.messageLog, fitting);
            this.listMembers = new ListMembersService(access, roster);
            this.leaveAll = new LeaveAllRoomsService(fanOut);
            this.request = new RoomRequestService(builder.roomRequestParser, replies, join, leave, members, publish,
                    history);
        }
    }

    /** Collects the adapters; {@link #build()} fails fast on a missing one. */
    public static final class Builder {
        private ConnectionStore connectionStore;
        private MessageSender messageSender;
        private ConnectionInfoQuery connectionInfoQuery;
        private ReplyRenderer replyRenderer;
        private MessageBodyParser messageBodyParser;
        private Clock clock = Clock.systemUTC();
        private BroadcastSettings broadcastSettings = BroadcastSettings.defaults();
        private RoomMembership roomMembership;
        private MessageLog messageLog;
        private RoomRequestParser roomRequestParser;
        private RoomEventRenderer roomEventRenderer;
        private RoomPolicy roomPolicy = RoomPolicy.standard();
        private TextLimit textLimit = TextLimit.DEFAULT;

        private Builder() {
        }

        /** Required. */
        public Builder connectionStore(ConnectionStore value) {
            this.connectionStore = value;
            return this;
        }

        /** Required. */
        public Builder messageSender(MessageSender value) {
            this.messageSender = value;
            return this;
        }

        /** Required: what the gateway knows of a connection, for the {@code $default} reply. */
        public Builder connectionInfoQuery(ConnectionInfoQuery value) {
            this.connectionInfoQuery = value;
            return this;
        }

        /** Required: reads {@code sendmessage} bodies for {@link ChatServices#sendMessage()}. */
        public Builder messageBodyParser(MessageBodyParser value) {
            this.messageBodyParser = value;
            return this;
        }

        /** Required: renders the {@code $default} reply and error answers. */
        public Builder replyRenderer(ReplyRenderer value) {
            this.replyRenderer = value;
            return this;
        }

        /** For rooms, with the other three room ports: who is in which room. */
        public Builder roomMembership(RoomMembership value) {
            this.roomMembership = value;
            return this;
        }

        /** For rooms, with the other three room ports: the rooms' sequence-numbered messages. */
        public Builder messageLog(MessageLog value) {
            this.messageLog = value;
            return this;
        }

        /** For rooms, with the other three room ports: reads the bodies of {@code join}, {@code publish}, … */
        public Builder roomRequestParser(RoomRequestParser value) {
            this.roomRequestParser = value;
            return this;
        }

        /** For rooms, with the other three room ports: renders {@code joined}, {@code message}, {@code error}, … */
        public Builder roomEventRenderer(RoomEventRenderer value) {
            this.roomEventRenderer = value;
            return this;
        }

        /** Who may join which room; default {@link RoomPolicy#standard()} ({@code private-} rooms by grant). */
        public Builder roomPolicy(RoomPolicy value) {
            this.roomPolicy = value;
            return this;
        }

        /** The largest text of a room message; default {@link TextLimit#DEFAULT} (32 KB of UTF-8). */
        public Builder textLimit(TextLimit value) {
            this.textLimit = value;
            return this;
        }

        /** Stamps new connections, memberships and room messages; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Default {@link BroadcastSettings#defaults()}. */
        public Builder broadcastSettings(BroadcastSettings value) {
            this.broadcastSettings = value;
            return this;
        }

        public ChatServices build() {
            Objects.requireNonNull(connectionStore, "connectionStore is required");
            Objects.requireNonNull(messageSender, "messageSender is required");
            Objects.requireNonNull(connectionInfoQuery, "connectionInfoQuery is required");
            Objects.requireNonNull(replyRenderer, "replyRenderer is required");
            Objects.requireNonNull(messageBodyParser, "messageBodyParser is required");
            Objects.requireNonNull(clock, "clock must not be null");
            Objects.requireNonNull(broadcastSettings, "broadcastSettings must not be null");
            Objects.requireNonNull(roomPolicy, "roomPolicy must not be null");
            Objects.requireNonNull(textLimit, "textLimit must not be null");
            List<String> missing = new ArrayList<>();
            if (roomMembership == null) {
                missing.add("roomMembership");
            }
            if (messageLog == null) {
                missing.add("messageLog");
            }
            if (roomRequestParser == null) {
                missing.add("roomRequestParser");
            }
            if (roomEventRenderer == null) {
                missing.add("roomEventRenderer");
            }
            if (!missing.isEmpty() && missing.size() < 4) {
                throw new IllegalStateException("rooms need roomMembership, messageLog, roomRequestParser and "
                        + "roomEventRenderer together; missing: " + String.join(", ", missing));
            }
            return new ChatServices(this);
        }

        private boolean hasRooms() {
            return roomMembership != null;
        }
    }
}
