package io.github.wschat.core.service;

import io.github.wschat.core.port.in.BroadcastUseCase;
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

import java.time.Clock;
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

    private ChatServices(Builder builder) {
        this.connect = new ConnectService(builder.connectionStore, builder.clock);
        this.disconnect = new DisconnectService(builder.connectionStore);
        this.defaultRoute = new DefaultRouteService(builder.connectionInfoQuery, builder.messageSender,
                builder.replyRenderer);
        this.rejectMessage = new RejectMessageService(builder.messageSender, builder.replyRenderer);
        this.broadcast = new BroadcastService(builder.connectionStore, builder.messageSender, rejectMessage,
                builder.broadcastSettings);
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

    /** Collects the adapters; {@link #build()} fails fast on a missing one. */
    public static final class Builder {
        private ConnectionStore connectionStore;
        private MessageSender messageSender;
        private ConnectionInfoQuery connectionInfoQuery;
        private ReplyRenderer replyRenderer;
        private MessageBodyParser messageBodyParser;
        private Clock clock = Clock.systemUTC();
        private BroadcastSettings broadcastSettings = BroadcastSettings.defaults();

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

        /** Stamps new connections; default {@link Clock#systemUTC()}. */
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
            return new ChatServices(this);
        }
    }
}
