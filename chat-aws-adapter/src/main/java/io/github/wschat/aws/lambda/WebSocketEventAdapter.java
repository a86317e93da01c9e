package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.aws.auth.AuthorizerContext;
import io.github.wschat.core.domain.BroadcastRejected;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.in.DefaultRouteCommand;
import io.github.wschat.core.port.in.DisconnectCommand;
import io.github.wschat.core.port.in.RejectMessageCommand;
import io.github.wschat.core.port.in.RoomRequestCommand;
import io.github.wschat.core.port.in.SendMessageCommand;
import io.github.wschat.core.port.out.ReplyRenderer;
import io.github.wschat.json.JsonReplyRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps API Gateway WebSocket events to the chat's use cases and their outcomes to Lambda responses.
 *
 * <ul>
 *   <li>{@code CONNECT} → connect: 200, or 500 when the connection cannot be stored (the handshake is refused);</li>
 *   <li>{@code DISCONNECT} → disconnect: 200, or 500;</li>
 *   <li>{@code MESSAGE} on {@code $default} → the tutorial's info reply: 200;</li>
 *   <li>{@code MESSAGE} on a room route ({@link #ROOM_ROUTES}), when the chat has rooms → the room use cases
 *       (PROTOCOL §3–6): 200, 400 for a refused command (answered to the caller as an {@code error} event),
 *       500 on an internal failure; {@code DISCONNECT} then also takes the connection out of its rooms;</li>
 *   <li>{@code MESSAGE} on the send-message route ({@code sendmessage}) → broadcast: 200; a body that
 *       is not JSON, has no {@code message}, a non-string or empty {@code message}, or an oversized one gets a
 *       {@code {"error":"…"}} posted back to the sender and a 400, and nothing is broadcast.</li>
 * </ul>
 * Infrastructure failures answer 500 and are logged with the request id; no exception escapes.
 * Message bodies are never logged at INFO.
 *
 * <p><b>Identity.</b> The user of an event is the one its {@code requestContext.authorizer} names, as
 * {@link AuthorizerContext#read} reads it: the {@code $connect} authorizer's context, which API Gateway
 * hands to every event of the connection. An event without one (authorization off) is the connection's
 * {@linkplain UserIdentity#anonymous anonymous} user's. The user reaches the connect, send-message and
 * {@code $default} commands, and is stored with the connection. An authorizer context that is not one of
 * a user is a deployment fault: the event is answered 500 (on {@code $connect} the connection is refused
 * and nothing is stored) and logged at WARN with the connection id, never the context's values.
 *
 * <p>The adapter sees the use cases only, as {@link ChatUseCases} given to {@link Builder#useCases};
 * it makes no service and holds no port but the {@link ReplyRenderer} of its 400 answers. Reading and
 * judging a {@code sendmessage} body is the send-message use case's, in one pass; the adapter answers
 * only what it finds itself: an unknown route, a binary body, an event it cannot serve.
 * {@code io.github.wschat.aws.ApiGatewayChat} wires the core's services, one set per endpoint, and
 * builds this adapter on them.
 *
 * <p>The {@code @connections} endpoint is the explicit {@link Builder#endpoint(URI)} when given
 * (custom domains, local emulators), otherwise {@code https://{domainName}/{stage}} from the event,
 * as {@link ApiGatewayMessageSenders#endpointOf(String, String)} derives it; an event whose domain
 * name or stage cannot make that endpoint is answered with 400. {@code $connect} and
 * {@code $disconnect} need none.
 *
 * <pre>{@code
 * ApiGatewayMessageSenders senders = ApiGatewayMessageSenders.create(); // one SDK client per endpoint
 * WebSocketEventAdapter adapter = ApiGatewayChat.builder()
 *         .connectionStore(DynamoDbConnectionStore.builder().dynamoDbClient(dynamoDb).tableName("connections").build())
 *         .messageSenders(senders::forEndpoint)
 *         .build()
 *         .adapter();
 * APIGatewayV2WebSocketResponse response = adapter.handle(event, context);
 * }</pre>
 */
public final class WebSocketEventAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketEventAdapter.class);
    /** The routes of PROTOCOL §3–5, one per action. */
    public static final Set<String> ROOM_ROUTES = Set.of("join", "leave", "members", "publish", "history");

    private final ChatUseCases chat;
    private final URI endpoint;
    private final ReplyRenderer renderer;
    private final String sendMessageRoute;

    private WebSocketEventAdapter(Builder builder) {
        this.chat = builder.useCases;
        this.endpoint = builder.endpoint;
        this.renderer = builder.replyRenderer;
        this.sendMessageRoute = builder.sendMessageRoute;
    }

    /** A builder; the use cases are required. */
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

    /**
     * A room route ({@code join}, {@code leave}, {@code members}, {@code publish}, {@code history}): the body
     * read and run by the room use cases, which answer the caller (an {@code error} event for a bad command,
     * PROTOCOL §6) and tell the others. 200 when done, 400 when refused, 500 on an internal failure; a chat
     * without rooms answers these routes as unknown. Never throws.
     */
    public APIGatewayV2WebSocketResponse onRoomRequest(APIGatewayV2WebSocketEvent event, Context context) {
        return guarded(event, context, "room", this::roomRequest);
    }

    private APIGatewayV2WebSocketResponse connect(WebSocketRequest request) {
        chat.connect().connect(new ConnectCommand(request.connectionId(), request.identity(), request.user()));
        return Responses.ok("Connected.");
    }

    private APIGatewayV2WebSocketResponse disconnect(WebSocketRequest request) {
        DisconnectCommand command = new DisconnectCommand(request.connectionId());
        if (chat.hasRooms() && (endpoint != null || (request.domainName() != null && request.stage() != null))) {
            chat.disconnect(endpointFor(request)).disconnect(command);
        } else {
            // without rooms, or without the endpoint to tell their members: the connection still goes
            chat.disconnect().disconnect(command);
        }
        return Responses.ok("Disconnected.");
    }

    private APIGatewayV2WebSocketResponse defaultRoute(WebSocketRequest request) {
        chat.defaultRoute(endpointFor(request)).reply(new DefaultRouteCommand(request.connectionId(), request.user()));
        return Responses.ok("Default route answered.");
    }

    private APIGatewayV2WebSocketResponse routeMessage(WebSocketRequest request) {
        if (sendMessageRoute.equals(request.routeKey())) {
            return sendMessage(request);
        }
        if (chat.hasRooms() && ROOM_ROUTES.contains(request.routeKey())) {
            return roomRequest(request);
        }
        return reject(request, MessageRejection.malformed("unknown route \"" + request.routeKey() + "\""));
    }

    private APIGatewayV2WebSocketResponse sendMessage(WebSocketRequest request) {
        if (request.binary()) {
            return reject(request, MessageRejection.malformed("body is binary data: send a JSON text message"));
        }
        BroadcastResult result = chat.sendMessage(endpointFor(request))
                .sendMessage(new SendMessageCommand(request.connectionId(), request.user(), request.body()));
        if (result instanceof BroadcastRejected rejected) {
            return Responses.badRequest(renderer.rejection(rejected.rejection()));
        }
        return Responses.ok("Data sent.");
    }

    private APIGatewayV2WebSocketResponse roomRequest(WebSocketRequest request) {
        if (!chat.hasRooms()) {
            return reject(request, MessageRejection.malformed("unknown route \"" + request.routeKey() + "\""));
        }
        // a binary body reads as no body: a bad_request error event, as for any body that is no command
        RoomResult result = chat.roomRequest(endpointFor(request))
                .handle(new RoomRequestCommand(request.connectionId(), request.user(), request.body()));
        if (result instanceof RoomResult.Refused refused) {
            return refused.error().code() == ErrorCode.INTERNAL ? Responses.internalError()
                    : Responses.badRequest("Refused: " + refused.error().code().wire());
        }
        return Responses.ok("Done.");
    }

    private APIGatewayV2WebSocketResponse reject(WebSocketRequest request, MessageRejection rejection) {
        chat.rejectMessage(endpointFor(request)).reject(new RejectMessageCommand(request.connectionId(), rejection));
        return Responses.badRequest(renderer.rejection(rejection));
    }

    private URI endpointFor(WebSocketRequest request) {
        return endpoint != null ? endpoint : endpointOf(request);
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
        WebSocketRequest request = null;
        try {
            request = WebSocketRequest.of(event);
            routeKey = request.routeKey().isEmpty() ? route : request.routeKey();
            LOG.debug("request {}: {} {} from {}", requestId, request.eventType(), routeKey, request.connectionId());
            return action.apply(request);
        } catch (UnreadableUserException e) {
            LOG.warn("request {}: {} of connection {} answered 500{}: {}", requestId, routeKey, request.connectionId(),
                    "CONNECT".equals(request.eventType()) ? ", the connection refused" : "", e.getMessage());
            return Responses.internalError();
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

    /** The parts of an event the chat uses, checked once; the user when a route asks for it. */
    record WebSocketRequest(String eventType, String routeKey, ConnectionId connectionId, ClientIdentity identity,
                            Map<String, Object> authorizer, String domainName, String stage, String body,
                            boolean binary) {

        /**
         * The caller's user: the one {@code requestContext.authorizer} names, or the connection's anonymous
         * user when there is no authorizer. Read by the routes that pass it on only, so that
         * {@code $disconnect} still removes a connection whatever its context holds.
         */
        UserIdentity user() {
            try {
                return AuthorizerContext.read(authorizer).orElseGet(() -> UserIdentity.anonymous(connectionId));
            } catch (IllegalArgumentException e) {
                throw new UnreadableUserException(e.getMessage());
            }
        }

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
            return new WebSocketRequest(eventType, routeKey, ConnectionId.of(id), client, context.getAuthorizer(),
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

    /**
     * The event's authorizer context is not one of a user: the deployment's authorizer and this adapter
     * disagree. Answered with 500; its message names keys, never values.
     */
    static final class UnreadableUserException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableUserException(String message) {
            super(message);
        }
    }

    /** Collects the adapter's parts; {@link #build()} fails fast on a missing one. */
    public static final class Builder {
        private ChatUseCases useCases;
        private URI endpoint;
        private ReplyRenderer replyRenderer = new JsonReplyRenderer();
        private String sendMessageRoute = "sendmessage";

        private Builder() {
        }

        /** Required: the use cases the events are mapped to. */
        public Builder useCases(ChatUseCases value) {
            this.useCases = value;
            return this;
        }

        /** The {@code @connections} endpoint, when it is not {@code https://{domainName}/{stage}} (custom domains). */
        public Builder endpoint(URI value) {
            this.endpoint = value;
            return this;
        }

        /** Renders the body of a 400 answer; default {@link JsonReplyRenderer}, as the use cases' answers should be. */
        public Builder replyRenderer(ReplyRenderer value) {
            this.replyRenderer = value;
            return this;
        }

        /** The route key of the broadcast route; default {@code sendmessage}, as in the tutorial. */
        public Builder sendMessageRoute(String value) {
            this.sendMessageRoute = value;
            return this;
        }

        public WebSocketEventAdapter build() {
            Objects.requireNonNull(useCases, "useCases is required");
            Objects.requireNonNull(replyRenderer, "replyRenderer must not be null");
            Objects.requireNonNull(sendMessageRoute, "sendMessageRoute must not be null");
            if (endpoint != null && !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
                throw new IllegalArgumentException("endpoint must be an http(s) URI, was " + endpoint);
            }
            return new WebSocketEventAdapter(this);
        }
    }
}
