package io.github.wschat.aws;

import io.github.wschat.aws.lambda.ChatUseCases;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;
import io.github.wschat.core.port.in.ConnectUseCase;
import io.github.wschat.core.port.in.DefaultRouteUseCase;
import io.github.wschat.core.port.in.DisconnectUseCase;
import io.github.wschat.core.port.in.RejectMessageUseCase;
import io.github.wschat.core.port.in.SendMessageUseCase;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageBodyParser;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.ReplyRenderer;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.core.service.ConnectService;
import io.github.wschat.core.service.DisconnectService;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBodyParser;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * client. Thread-safe.
 */
public final class ApiGatewayChat implements ChatUseCases {

    private final ConnectionStore store;
    private final Function<URI, EndpointPorts> ports;
    private final ReplyRenderer renderer;
    private final MessageBodyParser parser;
    private final Clock clock;
    private final BroadcastSettings broadcastSettings;
    private final ConnectUseCase connect;
    private final DisconnectUseCase disconnect;
    private final ConcurrentMap<URI, ChatServices> chatsByEndpoint = new ConcurrentHashMap<>();
    private final WebSocketEventAdapter adapter;

    private ApiGatewayChat(Builder builder) {
        this.store = builder.connectionStore;
        this.ports = builder.ports;
        this.renderer = builder.replyRenderer;
        this.parser = builder.messageBodyParser;
        this.clock = builder.clock;
        this.broadcastSettings = builder.broadcastSettings;
        this.connect = new ConnectService(store, clock);
        this.disconnect = new DisconnectService(store);
        this.adapter = WebSocketEventAdapter.builder()
                .useCases(this)
                .endpoint(builder.endpoint)
                .replyRenderer(renderer)
                .sendMessageRoute(builder.sendMessageRoute)
                .build();
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
            return ChatServices.builder()
                    .connectionStore(store)
                    .messageSender(found.sender())
                    .connectionInfoQuery(found.query())
                    .replyRenderer(renderer)
                    .messageBodyParser(parser)
                    .clock(clock)
                    .broadcastSettings(broadcastSettings)
                    .build();
        });
    }

    /** What one {@code @connections} endpoint is reached through. */
    private record EndpointPorts(MessageSender sender, ConnectionInfoQuery query) {
    }

    /** Collects the chat's parts; {@link #build()} fails fast on a missing one. */
    public static final class Builder {
        private ConnectionStore connectionStore;
        private Function<URI, EndpointPorts> ports;
        private URI endpoint;
        private ReplyRenderer replyRenderer = new JsonReplyRenderer();
        private MessageBodyParser messageBodyParser = new SendMessageBodyParser();
        private Clock clock = Clock.systemUTC();
        private BroadcastSettings broadcastSettings = BroadcastSettings.defaults();
        private String sendMessageRoute = "sendmessage";

        private Builder() {
        }

        /** Required: where connections are kept. */
        public Builder connectionStore(ConnectionStore value) {
            this.connectionStore = value;
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

        /** The {@code @connections} endpoint, when it is not {@code https://{domainName}/{stage}} (custom domains). */
        public Builder endpoint(URI value) {
            this.endpoint = value;
            return this;
        }

        /** Default {@link JsonReplyRenderer}: the replies, the errors posted back and the 400 answers. */
        public Builder replyRenderer(ReplyRenderer value) {
            this.replyRenderer = value;
            return this;
        }

        /** Default {@link SendMessageBodyParser}: the tutorial's {@code {"action":"sendmessage","message":"…"}}. */
        public Builder messageBodyParser(MessageBodyParser value) {
            this.messageBodyParser = value;
            return this;
        }

        /** Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Default {@link BroadcastSettings#defaults()}. */
        public Builder broadcastSettings(BroadcastSettings value) {
            this.broadcastSettings = value;
            return this;
        }

        /** The route key of the broadcast route; default {@code sendmessage}, as in the tutorial. */
        public Builder sendMessageRoute(String value) {
            this.sendMessageRoute = value;
            return this;
        }

        public ApiGatewayChat build() {
            Objects.requireNonNull(connectionStore, "connectionStore is required");
            Objects.requireNonNull(ports, "messageSenders is required");
            Objects.requireNonNull(replyRenderer, "replyRenderer must not be null");
            Objects.requireNonNull(messageBodyParser, "messageBodyParser must not be null");
            Objects.requireNonNull(clock, "clock must not be null");
            Objects.requireNonNull(broadcastSettings, "broadcastSettings must not be null");
            return new ApiGatewayChat(this);
        }
    }
}
