package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.core.domain.BroadcastRejected;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.in.DefaultRouteCommand;
import io.github.wschat.core.port.in.DisconnectCommand;
import io.github.wschat.core.port.in.RejectMessageCommand;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.ReplyRenderer;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.core.service.ConnectService;
import io.github.wschat.core.service.DisconnectService;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBody;
import io.github.wschat.json.SendMessageBodyParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Maps API Gateway WebSocket events to the chat's use cases and their outcomes to Lambda responses.
 *
 * <ul>
 *   <li>{@code CONNECT} → connect: 200, or 500 when the connection cannot be stored (the handshake is refused);</li>
 *   <li>{@code DISCONNECT} → disconnect: 200, or 500;</li>
 *   <li>{@code MESSAGE} on {@code $default} → the tutorial's info reply: 200;</li>
 *   <li>{@code MESSAGE} on the send-message route ({@code sendmessage}) → broadcast: 200; a body that
 *       is not JSON, has no {@code message}, a non-string or empty {@code message}, or an oversized one gets a
 *       {@code {"error":"…"}} posted back to the sender and a 400, and nothing is broadcast.</li>
 * </ul>
 * Infrastructure failures answer 500 and are logged with the request id; no exception escapes.
 * Message bodies are never logged at INFO.
 *
 * <p>The {@code @connections} endpoint is the explicit {@link Builder#endpoint(URI)} when given
 * (custom domains, local emulators), otherwise {@code https://{domainName}/{stage}} from the event,
 * as {@link ApiGatewayMessageSenders#endpointOf(String, String)} derives it; an event whose domain
 * name or stage cannot make that endpoint is answered with 400. Senders are asked of
 * {@link Builder#messageSenders(Function)} once per endpoint and reused.
 *
 * <pre>{@code
 * ApiGatewayMessageSenders senders = ApiGatewayMessageSenders.create(); // one SDK client per endpoint
 * WebSocketEventAdapter adapter = WebSocketEventAdapter.builder()
 *         .connectionStore(DynamoDbConnectionStore.builder().dynamoDbClient(dynamoDb).tableName("connections").build())
 *         .messageSenders(senders::forEndpoint)
 *         .build();
 * APIGatewayV2WebSocketResponse response = adapter.handle(event, context);
 * }</pre>
 */
public final class WebSocketEventAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketEventAdapter.class);

    private final ConnectionStore store;
    private final Function<URI, ? extends MessageSender> senders;
    private final URI endpoint;
    private final ReplyRenderer renderer;
    private final Clock clock;
    private final BroadcastSettings broadcastSettings;
    private final String sendMessageRoute;
    private final ConnectService connectService;
    private final DisconnectService disconnectService;
    private final SendMessageBodyParser parser = new SendMessageBodyParser();
    private final ConcurrentMap<URI, ChatServices> chatsByEndpoint = new ConcurrentHashMap<>();

    private WebSocketEventAdapter(Builder builder) {
        this.store = builder.connectionStore;
        this.senders = builder.messageSenders;
        this.endpoint = builder.endpoint;
        this.renderer = builder.replyRenderer;
        this.clock = builder.clock;
        this.broadcastSettings = builder.broadcastSettings;
        this.sendMessageRoute = builder.sendMessageRoute;
        // $connect and $disconnect only touch the store: no sender (and no HTTP client) is created for them
        this.connectService = new ConnectService(store, clock);
        this.disconnectService = new DisconnectService(store);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Handles any WebSocket event by its event type and route key. Never throws. */
    public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
        return guarded(event, context, "event", request -> switch (request.eventType()) {
            case "CONNECT" -> connect(request);
            case "DISCONNECT" -> disconnect(request);
            case "MESSAGE" -> "$default".equals(request.routeKey()) ? defaultRoute(request) : routeMessage(request);
            default -> Responses.badRequest("unknown event type");
        });
    }

    /** {@code $connect}: stores the connection. Never throws. */
    public APIGatewayV2WebSocketResponse onConnect(APIGatewayV2WebSocketEvent event, Context context) {
        return guarded(event, context, "$connect", this::connect);
    }

    /** {@code $disconnect}: removes the connection. Never throws. */
    public APIGatewayV2WebSocketResponse onDisconnect(APIGatewayV2WebSocketEvent event, Context context) {
        return guarded(event, context, "$disconnect", this::disconnect);
    }

    /** {@code $default}: answers the caller with its info. Never throws. */
    public APIGatewayV2WebSocketResponse onDefault(APIGatewayV2WebSocketEvent event, Context context) {
        return guarded(event, context, "$default", this::defaultRoute);
    }

    /** {@code sendmessage}: broadcasts the body's {@code message} to everyone else. Never throws. */
    public APIGatewayV2WebSocketResponse onSendMessage(APIGatewayV2WebSocketEvent event, Context context) {
        return guarded(event, context, sendMessageRoute, this::sendMessage);
    }

    private APIGatewayV2WebSocketResponse connect(WebSocketRequest request) {
        connectService.connect(new ConnectCommand(request.connectionId(), request.identity()));
        return Responses.ok("Connected.");
    }

    private APIGatewayV2WebSocketResponse disconnect(WebSocketRequest request) {
        disconnectService.disconnect(new DisconnectCommand(request.connectionId()));
        return Responses.ok("Disconnected.");
    }

    private APIGatewayV2WebSocketResponse defaultRoute(WebSocketRequest request) {
        chatFor(request).defaultRoute().reply(new DefaultRouteCommand(request.connectionId()));
        return Responses.ok("Default route answered.");
    }

    private APIGatewayV2WebSocketResponse routeMessage(WebSocketRequest request) {
        if (sendMessageRoute.equals(request.routeKey())) {
            return sendMessage(request);
        }
        return reject(request, MessageRejection.malformed("unknown route \"" + request.routeKey() + "\""));
    }

    private APIGatewayV2WebSocketResponse sendMessage(WebSocketRequest request) {
        if (request.binary()) {
            return reject(request, MessageRejection.malformed("body is binary data: send a JSON text message"));
        }
        SendMessageBody body = parser.parse(request.body());
        if (body instanceof SendMessageBody.Malformed malformed) {
            return reject(request, malformed.rejection());
        }
        String text = ((SendMessageBody.Message) body).text();
        BroadcastResult result = chatFor(request).broadcast().broadcast(new BroadcastCommand(request.connectionId(), text));
        if (result instanceof BroadcastRejected rejected) {
            return Responses.badRequest(renderer.rejection(rejected.rejection()));
        }
        return Responses.ok("Data sent.");
    }

    private APIGatewayV2WebSocketResponse reject(WebSocketRequest request, MessageRejection rejection) {
        chatFor(request).rejectMessage().reject(new RejectMessageCommand(request.connectionId(), rejection));
        return Responses.badRequest(renderer.rejection(rejection));
    }

    private ChatServices chatFor(WebSocketRequest request) {
        URI target = endpoint != null ? endpoint : endpointOf(request);
        return chatsByEndpoint.computeIfAbsent(target, uri -> ChatServices.builder()
                .connectionStore(store)
                .messageSender(Objects.requireNonNull(senders.apply(uri), "no message sender for " + uri))
                .replyRenderer(renderer)
                .clock(clock)
                .broadcastSettings(broadcastSettings)
                .build());
    }

    /** {@code https://{domainName}/{stage}} of the event; an event that cannot make one is invalid. */
    private static URI endpointOf(WebSocketRequest request) {
        if (request.domainName() == null) {
            throw new InvalidEventException("the event's domainName is missing");
        }
        if (request.stage() == null) {
            throw new InvalidEventException("the event's stage is missing");
        }
        try {
            return ApiGatewayMessageSenders.endpointOf(request.domainName(), request.stage());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("the event's " + e.getMessage());
        }
    }

    private APIGatewayV2WebSocketResponse guarded(APIGatewayV2WebSocketEvent event, Context context, String route,
                                                  Function<WebSocketRequest, APIGatewayV2WebSocketResponse> action) {
        String requestId = requestId(event, context);
        String routeKey = route;
        try {
            WebSocketRequest request = WebSocketRequest.of(event);
            routeKey = request.routeKey().isEmpty() ? route : request.routeKey();
            LOG.debug("request {}: {} {} from {}", requestId, request.eventType(), routeKey, request.connectionId());
            return action.apply(request);
        } catch (InvalidEventException e) {
            LOG.warn("request {}: invalid {} event: {}", requestId, routeKey, e.getMessage());
            return Responses.badRequest(renderer.rejection(MessageRejection.malformed(e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("request {}: {} failed", requestId, routeKey, e);
            return Responses.internalError();
        }
    }

    private static String requestId(APIGatewayV2WebSocketEvent event, Context context) {
        if (event != null && event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return context != null ? context.getAwsRequestId() : "unknown";
    }

    /** The parts of an event the chat uses, checked once. */
    record WebSocketRequest(String eventType, String routeKey, ConnectionId connectionId, ClientIdentity identity,
                            String domainName, String stage, String body, boolean binary) {

        static WebSocketRequest of(APIGatewayV2WebSocketEvent event) {
            if (event == null || event.getRequestContext() == null) {
                throw new InvalidEventException("not an API Gateway WebSocket event: no requestContext");
            }
            APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
            String id = context.getConnectionId();
            if (!ConnectionId.isValid(id)) {
                throw new InvalidEventException("the event's connectionId is missing or malformed");
            }
            String eventType = Objects.requireNonNullElse(context.getEventType(), "");
            String routeKey = Objects.requireNonNullElse(context.getRouteKey(), "");
            APIGatewayV2WebSocketEvent.RequestIdentity identity = context.getIdentity();
            ClientIdentity client = identity == null ? ClientIdentity.UNKNOWN
                    : ClientIdentity.of(identity.getSourceIp(), identity.getUserAgent());
            String text = textOf(event);
            return new WebSocketRequest(eventType, routeKey, ConnectionId.of(id), client,
                    context.getDomainName(), context.getStage(), text, text == null && event.getBody() != null);
        }

        /** The body as text: as is, or decoded when base64-encoded and valid UTF-8; null for binary data. */
        private static String textOf(APIGatewayV2WebSocketEvent event) {
            String body = event.getBody();
            if (body == null || !event.isIsBase64Encoded()) {
                return body;
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(body);
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                return null;
            }
        }
    }

    /** The event cannot be served as it is; answered with 400, never retried. */
    static final class InvalidEventException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidEventException(String message) {
            super(message);
        }
    }

    /** Collects the adapter's parts; {@link #build()} fails fast on a missing one. */
    public static final class Builder {
        private ConnectionStore connectionStore;
        private Function<URI, ? extends MessageSender> messageSenders;
        private URI endpoint;
        private ReplyRenderer replyRenderer = new JsonReplyRenderer();
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

        /** Required: the sender for an {@code @connections} endpoint; called once per endpoint. */
        public Builder messageSenders(Function<URI, ? extends MessageSender> value) {
            this.messageSenders = value;
            return this;
        }

        /** The {@code @connections} endpoint, when it is not {@code https://{domainName}/{stage}} (custom domains). */
        public Builder endpoint(URI value) {
            this.endpoint = value;
            return this;
        }

        /** Default {@link JsonReplyRenderer}. */
        public Builder replyRenderer(ReplyRenderer value) {
            this.replyRenderer = value;
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

        public WebSocketEventAdapter build() {
            Objects.requireNonNull(connectionStore, "connectionStore is required");
            Objects.requireNonNull(messageSenders, "messageSenders is required");
            Objects.requireNonNull(replyRenderer, "replyRenderer must not be null");
            Objects.requireNonNull(clock, "clock must not be null");
            Objects.requireNonNull(broadcastSettings, "broadcastSettings must not be null");
            Objects.requireNonNull(sendMessageRoute, "sendMessageRoute must not be null");
            if (endpoint != null && !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
                throw new IllegalArgumentException("endpoint must be an http(s) URI, was " + endpoint);
            }
            return new WebSocketEventAdapter(this);
        }
    }
}
