package io.github.wschat.aws;

import io.github.wschat.aws.lambda.ChatUseCases;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;
import io.github.wschat.core.port.in.ConnectUseCase;
import io.github.wschat.core.port.in.DefaultRouteUseCase;
import io.github.wschat.core.port.in.DisconnectUseCase;
import io.github.wschat.core.port.in.ListMembersUseCase;
import io.github.wschat.core.port.in.PostMessageUseCase;
import io.github.wschat.core.port.in.ReadHistoryUseCase;
import io.github.wschat.core.port.in.RejectMessageUseCase;
import io.github.wschat.core.port.in.RoomRequestUseCase;
import io.github.wschat.core.port.in.SendMessageUseCase;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.ReplyRenderer;
import io.github.wschat.core.port.out.RoomMembership;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.core.service.ConnectService;
import io.github.wschat.core.service.DisconnectService;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.JsonRoomEventRenderer;
import io.github.wschat.json.JsonRoomRequestParser;
import io.github.wschat.json.SendMessageBodyParser;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The chat on API Gateway WebSocket APIs, wired in one place: the core's services on the given
 * store and senders, and the {@link WebSocketEventAdapter} that maps Lambda events to them. The
 * example's Lambda handlers, its SnapStart priming and, through those handlers, the local runner
 * all get their adapter from here.
 *
 * <pre>{@code
 * ApiGatewayMessageSenders senders = ApiGatewayMessageSenders.create(); // one SDK client per endpoint
 * WebSocketEventAdapter adapter = ApiGatewayChat.builder()
 *         .connectionStore(DynamoDbConnectionStore.builder().dynamoDbClient(dynamoDb).tableName("connections").build())
 *         .messageSenders(senders::forEndpoint)
 *         .build()
 *         .adapter();
 * }</pre>
 *
 * <p>One {@link ChatServices} per {@code @connections} endpoint, made on the first event that needs
 * it and kept: the sender for an endpoint is asked of {@link Builder#messageSenders} once, and it
 * answers the {@code GetConnection} query too. {@code $connect} and {@code $disconnect} only touch
 * the store: they get services of their own, so that they never make a sender, and with it an HTTP
 * client; with {@linkplain Builder#rooms rooms}, {@code $disconnect} uses the endpoint's services, since the
 * rooms' members are told of the leave. Thread-safe.
 */
public final class ApiGatewayChat implements ChatUseCases {

    private final ConnectionStore store;
    private final RoomMembership roomMembership;
    private final MessageLog messageLog;
    private final Function<URI, EndpointPorts> ports;
    private final ReplyRenderer renderer;
    private final Clock clock;
    private final Consumer<ChatServices.Builder> serviceSettings;
    private final ConnectUseCase connect;
    private final DisconnectUseCase disconnect;
    private final ConcurrentMap<URI, ChatServices> chatsByEndpoint = new ConcurrentHashMap<>();
    private final WebSocketEventAdapter adapter;

    private ApiGatewayChat(Builder builder) {
        this.store = builder.connectionStore;
        this.roomMembership = builder.roomMembership;
        this.messageLog = builder.messageLog;
        this.ports = builder.ports;
        this.renderer = builder.replyRenderer;
        this.clock = builder.clock;
        this.serviceSettings = builder.serviceSettings;
        this.connect = new ConnectService(store, clock);
        this.disconnect = new DisconnectService(store);
        WebSocketEventAdapter.Builder adapterBuilder = WebSocketEventAdapter.builder();
        builder.adapterSettings.accept(adapterBuilder);
        this.adapter = adapterBuilder.useCases(this).replyRenderer(renderer).build();
    }

    /** A builder; the store and the senders are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The event adapter on this chat's use cases; the Lambda handlers call it. */
    public WebSocketEventAdapter adapter() {
        return adapter;
    }

    @Override
    public ConnectUseCase connect() {
        return connect;
    }

    @Override
    public DisconnectUseCase disconnect() {
        return disconnect;
    }

    @Override
    public boolean hasRooms() {
        return roomMembership != null;
    }

    /** With rooms, the endpoint's services: the connection leaves its rooms and their members are told. */
    @Override
    public DisconnectUseCase disconnect(URI endpoint) {
        return hasRooms() ? chatFor(endpoint).disconnect() : disconnect;
    }

    @Override
    public RoomRequestUseCase roomRequest(URI endpoint) {
        return roomsFor(endpoint).roomRequest();
    }

    /**
     * The server API's post (PROTOCOL §7) on this chat's rooms: a message delivered through {@code endpoint}, the
     * {@code @connections} endpoint of the WebSocket API whose connections are in the rooms.
     *
     * @throws IllegalStateException without {@linkplain Builder#rooms rooms}
     */
    public PostMessageUseCase postMessage(URI endpoint) {
        return roomsFor(endpoint).postMessage();
    }

    /** The server API's history read, on the services of {@code endpoint}; as {@link #postMessage}. */
    public ReadHistoryUseCase readHistory(URI endpoint) {
        return roomsFor(endpoint).readHistory();
    }

    /** The server API's members list, on the services of {@code endpoint}; as {@link #postMessage}. */
    public ListMembersUseCase listMembers(URI endpoint) {
        return roomsFor(endpoint).listMembers();
    }

    private ChatServices roomsFor(URI endpoint) {
        if (!hasRooms()) {
            throw new IllegalStateException("this chat has no rooms: give ApiGatewayChat.Builder.rooms(…)");
        }
        return chatFor(endpoint);
    }

    @Override
    public DefaultRouteUseCase defaultRoute(URI endpoint) {
        return chatFor(endpoint).defaultRoute();
    }

    @Override
    public SendMessageUseCase sendMessage(URI endpoint) {
        return chatFor(endpoint).sendMessage();
    }

    @Override
    public RejectMessageUseCase rejectMessage(URI endpoint) {
        return chatFor(endpoint).rejectMessage();
    }

    private ChatServices chatFor(URI endpoint) {
        return chatsByEndpoint.computeIfAbsent(endpoint, uri -> {
            EndpointPorts found = ports.apply(uri);
            ChatServices.Builder services = ChatServices.builder().messageBodyParser(new SendMessageBodyParser());
            if (hasRooms()) {
                services.roomMembership(roomMembership).messageLog(messageLog)
                        .roomRequestParser(new JsonRoomRequestParser()).roomEventRenderer(new JsonRoomEventRenderer());
            }
            serviceSettings.accept(services);
            return services
                    .connectionStore(store)
                    .messageSender(found.sender())
                    .connectionInfoQuery(found.query())
                    .replyRenderer(renderer)
                    .clock(clock)
                    .build();
        });
    }

    /** What one {@code @connections} endpoint is reached through. */
    private record EndpointPorts(MessageSender sender, ConnectionInfoQuery query) {
    }

    /** Collects the chat's parts; {@link #build()} fails fast on a missing one. */
    public static final class Builder {
        private ConnectionStore connectionStore;
        private RoomMembership roomMembership;
        private MessageLog messageLog;
        private Function<URI, EndpointPorts> ports;
        private ReplyRenderer replyRenderer = new JsonReplyRenderer();
        private Clock clock = Clock.systemUTC();
        private Consumer<ChatServices.Builder> serviceSettings = services -> { };
        private Consumer<WebSocketEventAdapter.Builder> adapterSettings = adapter -> { };

        private Builder() {
        }

        /** Required: where connections are kept. */
        public Builder connectionStore(ConnectionStore value) {
            this.connectionStore = value;
            return this;
        }

        /**
         * Rooms, sequence-numbered messages, history and presence (PROTOCOL §3–5), beside the tutorial's routes:
         * where memberships and messages are kept ({@code DynamoDbRoomMembership}, {@code DynamoDbMessageLog}).
         * The room commands are read and the events written by chat-json's {@link JsonRoomRequestParser} and
         * {@link JsonRoomEventRenderer}; the room policy (default: {@code private-} rooms by grant) and the
         * text limit are set through {@link #services}. Without this call the chat has no rooms.
         */
        public Builder rooms(RoomMembership membership, MessageLog log) {
            this.roomMembership = Objects.requireNonNull(membership, "membership");
            this.messageLog = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Required: the sender for an {@code @connections} endpoint, which answers what the gateway
         * knows of a connection too ({@code ApiGatewayMessageSenders::forEndpoint}); called once per endpoint.
         */
        public <T extends MessageSender & ConnectionInfoQuery> Builder messageSenders(Function<URI, T> value) {
            this.ports = value == null ? null : uri -> {
                T sender = Objects.requireNonNull(value.apply(uri), "no message sender for " + uri);
                return new EndpointPorts(sender, sender);
            };
            return this;
        }

        /** Default {@link JsonReplyRenderer}: the replies, the errors posted back and the 400 answers. */
        public Builder replyRenderer(ReplyRenderer value) {
            this.replyRenderer = value;
            return this;
        }

        /** Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * More settings of the services made for each endpoint, such as
         * {@code services -> services.broadcastSettings(BroadcastSettings.defaults().withMaxConcurrency(64))}
         * or another {@code messageBodyParser} (default {@link SendMessageBodyParser}, the tutorial's
         * {@code {"action":"sendmessage","message":"…"}}). The store, the senders, the renderer and the
         * clock are this chat's: set them here, not there.
         */
        public Builder services(Consumer<ChatServices.Builder> value) {
            this.serviceSettings = value;
            return this;
        }

        /**
         * More settings of the event adapter: the {@code @connections} endpoint when it is not
         * {@code https://{domainName}/{stage}} (custom domains, local emulators), or another
         * {@code sendMessageRoute}. The use cases and the renderer are this chat's.
         */
        public Builder adapter(Consumer<WebSocketEventAdapter.Builder> value) {
            this.adapterSettings = value;
            return this;
        }

        public ApiGatewayChat build() {
            Objects.requireNonNull(connectionStore, "connectionStore is required");
            Objects.requireNonNull(ports, "messageSenders is required");
            Objects.requireNonNull(replyRenderer, "replyRenderer must not be null");
            Objects.requireNonNull(clock, "clock must not be null");
            Objects.requireNonNull(serviceSettings, "services settings must not be null");
            Objects.requireNonNull(adapterSettings, "adapter settings must not be null");
            return new ApiGatewayChat(this);
        }
    }
}
