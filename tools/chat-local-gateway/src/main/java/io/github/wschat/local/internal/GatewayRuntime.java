package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.testkit.connections.ApiGatewayResponses;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * What API Gateway does with a WebSocket connection: {@code $connect} before the handshake, route
 * selection and integration for each message, answers to the client, {@code $disconnect} at the end.
 * Netty handlers call it on event-loop threads; handlers run on the handler executor.
 */
final class GatewayRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRuntime.class);

    static final int GOING_AWAY = 1001;
    static final int UNSUPPORTED_DATA = 1003;
    static final int MESSAGE_TOO_BIG = 1009;

    private final GatewayConfig config;
    private final AwsIds ids = new AwsIds();
    private final WebSocketEvents events;
    private final LambdaInvoker invoker;
    private final AccessLog accessLog;
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final RouteSelector selector;
    private final WebSocketDecoderConfig decoderConfig;

    GatewayRuntime(GatewayConfig config, Executor handlerExecutor) {
        this.config = config;
        this.accessLog = new AccessLog(config.accessListener());
        this.events = new WebSocketEvents(config.stage(), config.apiId(), ids);
        this.invoker = new LambdaInvoker(handlerExecutor, config.integrationTimeout(), ids);
        this.selector = new RouteSelector(config.routeSelectionPath());
        this.decoderConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(config.maxFrameBytes())
                .allowExtensions(false)
                // the connection handler closes, with the close handshake of every server-side close
                .closeOnProtocolViolation(false)
                .build();
    }

    GatewayConfig config() {
        return config;
    }

    ConnectionRegistry registry() {
        return registry;
    }

    LambdaInvoker invoker() {
        return invoker;
    }

    long now() {
        return config.clock().millis();
    }

    // ---- $connect and the handshake -------------------------------------------------------------------

    /** A WebSocket upgrade request on the stage path; takes ownership of {@code request}. */
    void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
        Channel channel = ctx.channel();
        if (newHandshaker(request, null) == null) {
            request.release();
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
            return;
        }
        long now = now();
        String domainName = config.host() + ":" + port(channel.localAddress());
        LocalConnection connection = registry.create(ids, id -> new LocalConnection(id, channel, now,
                host(channel.remoteAddress()), request.headers().get(HttpHeaderNames.USER_AGENT), domainName,
                config.maxFrameBytes()));
        // no frame is read before the handshake is written and the connection registered
        channel.config().setAutoRead(false);
        Integration connect = config.routes().get("$connect");
        if (connect == null) {
            connection.accept();
            handshake(request, connection, null, () -> { });
            return;
        }
        String requestId = ids.newId();
        APIGatewayV2WebSocketEvent event = events.connect(connection, request.headers(), request.uri(), requestId, now);
        invoker.invoke(connect, event).thenAccept(invocation -> onEventLoop(channel,
                () -> connectAnswered(ctx, request, connection, requestId, invocation),
                () -> {
                    request.release();
                    registry.remove(connection);
                    connection.markEnded();
                    connection.endHandled();
                }));
    }

    private void connectAnswered(ChannelHandlerContext ctx, FullHttpRequest request, LocalConnection connection,
                                 String requestId, Invocation invocation) {
        Runnable logConnect = () -> accessLog.event(requestId, connection.id(), "CONNECT", "$connect", invocation);
        if (!invocation.isSuccessful()) {
            logConnect.run();
            registry.remove(connection);
            connection.markEnded();
            connection.endHandled();
            request.release();
            rejectHandshake(ctx, invocation);
            return;
        }
        connection.accept();
        if (!ctx.channel().isActive()) {
            request.release();
            logConnect.run();
            ended(connection);
            return;
        }
        handshake(request, connection, subprotocol(invocation.response()), logConnect);
    }

    private static void rejectHandshake(ChannelHandlerContext ctx, Invocation invocation) {
        String body;
        if (invocation.failed()) {
            body = "{\"message\": \"" + AccessLog.errorMessage(invocation) + "\"}";
        } else {
            body = invocation.response() == null ? null : invocation.response().getBody();
        }
        ApiGatewayResponses.send(ctx, false, invocation.status(), body, null);
    }

    /**
     * Writes the handshake response; once written, opens the connection to {@code @connections} and then
     * runs {@code logConnect}, so that whoever waits for the CONNECT entry can post to it at once.
     */
    private void handshake(FullHttpRequest request, LocalConnection connection, String subprotocol,
                           Runnable logConnect) {
        Channel channel = connection.channel();
        WebSocketServerHandshaker handshaker = newHandshaker(request, subprotocol);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.replace(GatewayHttpHandler.class, "ws-idle", new IdleStateHandler(
                0, 0, config.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        pipeline.addAfter("ws-idle", "ws-utf8", new Utf8FrameValidator());
        // reassembles fragmented messages (32 KB frames) up to the message limit
        pipeline.addAfter("ws-utf8", "ws-aggregator", new WebSocketFrameAggregator(config.maxMessageBytes()));
        pipeline.addAfter("ws-aggregator", "ws-connection", new WebSocketConnectionHandler(this, connection));
        ChannelFuture handshake = handshaker.handshake(channel, request);
        request.release();
        handshake.addListener(done -> {
            if (done.isSuccess()) {
                ScheduledFuture<?> timer = channel.eventLoop().schedule(
                        () -> connection.closeWith(GOING_AWAY, "Going away"),
                        config.maxConnectionDuration().toNanos(), TimeUnit.NANOSECONDS);
                connection.open(timer);
                logConnect.run();
                channel.config().setAutoRead(true);
            } else {
                LOG.debug("handshake of {} failed", connection.id(), done.cause());
                logConnect.run();
                channel.close();
            }
        });
    }

    private WebSocketServerHandshaker newHandshaker(FullHttpRequest request, String subprotocol) {
        String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, config.host()) + "/" + config.stage();
        return new WebSocketServerHandshakerFactory(location, subprotocol, decoderConfig).newHandshaker(request);
    }

    /** The subprotocol the {@code $connect} handler chose, by answering a {@code Sec-WebSocket-Protocol} header. */
    private static String subprotocol(APIGatewayV2WebSocketResponse response) {
        if (response == null) {
            return null;
        }
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                if (HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL.contentEqualsIgnoreCase(header.getKey())) {
                    return header.getValue();
                }
            }
        }
        if (response.getMultiValueHeaders() != null) {
            for (Map.Entry<String, String[]> header : response.getMultiValueHeaders().entrySet()) {
                if (HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL.contentEqualsIgnoreCase(header.getKey())
                        && header.getValue() != null && header.getValue().length > 0) {
                    return header.getValue()[0];
                }
            }
        }
        return null;
    }

    // ---- messages ------------------------------------------------------------------------------------

    void onText(LocalConnection connection, String body) {
        if (connection.isClosing()) {
            return;
        }
        long now = now();
        connection.touch(now);
        Set<String> routes = config.routes().keySet();
        String routeKey = selector.select(body)
                .filter(key -> !key.startsWith("$") && routes.contains(key))
                .orElse("$default");
        dispatch(connection, routeKey, body, false, now);
    }

    void onBinary(LocalConnection connection, byte[] data) {
        if (connection.isClosing()) {
            return;
        }
        long now = now();
        connection.touch(now);
        if (!config.acceptBinaryFrames()) {
            // API Gateway: "If a client app sends a binary frame, API Gateway rejects it and disconnects
            // the client with code 1003."
            connection.closeWith(UNSUPPORTED_DATA, "Binary frames are not supported");
            return;
        }
        dispatch(connection, "$default", Base64.getEncoder().encodeToString(data), true, now);
    }

    private void dispatch(LocalConnection connection, String routeKey, String body, boolean base64, long now) {
        String requestId = ids.newId();
        Integration integration = config.routes().get(routeKey);
        if (integration == null) {
            accessLog.forbidden(requestId, connection.id());
            connection.sendText(errorFrame("Forbidden", connection.id(), requestId));
            return;
        }
        APIGatewayV2WebSocketEvent event = events.message(connection, routeKey, body, base64, requestId, now);
        invoker.invoke(integration, event).thenAccept(invocation -> {
            accessLog.event(requestId, connection.id(), "MESSAGE", routeKey, invocation);
            if (invocation.failed()) {
                connection.sendText(errorFrame(AccessLog.errorMessage(invocation), connection.id(), requestId));
            } else if (integration.twoWay() && invocation.response() != null
                    && invocation.response().getBody() != null) {
                APIGatewayV2WebSocketResponse response = invocation.response();
                if (response.isIsBase64Encoded()) {
                    connection.sendBinary(Base64.getDecoder().decode(response.getBody()));
                } else {
                    connection.sendText(response.getBody());
                }
            }
        });
    }

    /** API Gateway's error frame, spacing included. */
    static String errorFrame(String message, String connectionId, String requestId) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connectionId
                + "\", \"requestId\":\"" + requestId + "\"}";
    }

    // ---- the end -------------------------------------------------------------------------------------

    /** The connection is gone (any cause); fires {@code $disconnect} once, if {@code $connect} accepted it. */
    void ended(LocalConnection connection) {
        if (!connection.markEnded()) {
            return;
        }
        try {
            registry.remove(connection);
            if (connection.isAccepted()) {
                disconnect(connection);
            }
        } finally {
            connection.endHandled();
        }
    }

    private void disconnect(LocalConnection connection) {
        int code = connection.closeCode();
        String reason = connection.closeReason();
        String requestId = ids.newId();
        Integration disconnect = config.routes().get("$disconnect");
        if (disconnect == null) {
            accessLog.disconnect(requestId, connection.id(), null, code, reason);
            return;
        }
        APIGatewayV2WebSocketEvent event = events.disconnect(connection, requestId, now());
        invoker.invoke(disconnect, event).thenAccept(
                invocation -> accessLog.disconnect(requestId, connection.id(), invocation, code, reason));
    }

    private static void onEventLoop(Channel channel, Runnable task, Runnable ifRefused) {
        try {
            channel.eventLoop().execute(task);
        } catch (RuntimeException refused) {
            LOG.debug("event loop refused a task (shutting down?)", refused);
            ifRefused.run();
        }
    }

    private static String host(SocketAddress address) {
        return address instanceof InetSocketAddress
                ? ((InetSocketAddress) address).getAddress().getHostAddress()
                : String.valueOf(address);
    }

    private static int port(SocketAddress address) {
        return address instanceof InetSocketAddress ? ((InetSocketAddress) address).getPort() : 0;
    }
}
