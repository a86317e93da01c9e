package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.testkit.connections.ApiGatewayResponses;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
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
import java.util.List;
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
        ConnectAuthorizer authorizer = config.connectAuthorizer();
        String traceId = ids.newTraceId(now);
        if (authorizer == null) {
            connect(ctx, request, connection, ids.newId(), traceId, now, null);
            return;
        }
        String requestId = ids.newId();
        for (ConnectAuthorizer.IdentitySource source : authorizer.identitySources()) {
            if (identity(source, request).isEmpty()) {
                // API Gateway answers 401 without invoking the authorizer
                refuse(ctx, request, connection, requestId, AuthorizerVerdict.unauthorized(source.expression()), null);
                return;
            }
        }
        APIGatewayCustomAuthorizerEvent event = events.authorizer(connection, request.headers(), request.uri(),
                requestId, traceId);
        invoker.authorize(authorizer, event).thenAccept(invocation -> onEventLoop(channel,
                () -> authorized(ctx, request, connection, requestId, traceId, now, invocation, event.getMethodArn()),
                () -> abandon(request, connection)));
    }

    /** The value of an identity source in the request: a header (any case) or a query parameter, last value. */
    private static String identity(ConnectAuthorizer.IdentitySource source, FullHttpRequest request) {
        String value;
        if (source.header()) {
            value = request.headers().get(source.name());
        } else {
            List<String> values = new QueryStringDecoder(request.uri()).parameters().get(source.name());
            value = values == null || values.isEmpty() ? null : values.get(values.size() - 1);
        }
        return value == null ? "" : value;
    }

    private void authorized(ChannelHandlerContext ctx, FullHttpRequest request, LocalConnection connection,
                            String requestId, String traceId, long now, AuthorizerInvocation invocation,
                            String methodArn) {
        AuthorizerVerdict verdict = AuthorizerVerdict.of(invocation, methodArn);
        long latency = invocation.latencyMillis();
        if (!verdict.allowed()) {
            if (verdict.status() == 500 && invocation.failure() == null) {
                // a throw or a timeout the invoker logged already; the answer itself is never logged
                LOG.warn("the $connect authorizer {} refused connection {} with 500: {}",
                        config.connectAuthorizer().functionName(), connection.id(), verdict.reason());
            }
            refuse(ctx, request, connection, requestId, verdict, latency);
            return;
        }
        if (!ctx.channel().isActive()) {
            abandon(request, connection);
            return;
        }
        connection.authorize(verdict.authorizer());
        connect(ctx, request, connection, requestId, traceId, now, latency);
    }

    /** Runs {@code $connect}, if there is one, then writes the handshake or rejects it. */
    private void connect(ChannelHandlerContext ctx, FullHttpRequest request, LocalConnection connection,
                         String requestId, String traceId, long now, Long authorizerLatency) {
        Integration connect = config.routes().get("$connect");
        if (connect == null) {
            connection.accept();
            handshake(request, connection, null, () -> { });
            return;
        }
        APIGatewayV2WebSocketEvent event = events.connect(connection, request.headers(), request.uri(), requestId,
                traceId, now);
        invoker.invoke(connect, event).thenAccept(invocation -> onEventLoop(connection.channel(),
                () -> connectAnswered(ctx, request, connection, requestId, invocation, authorizerLatency),
                () -> abandon(request, connection)));
    }

    private void connectAnswered(ChannelHandlerContext ctx, FullHttpRequest request, LocalConnection connection,
                                 String requestId, Invocation invocation, Long authorizerLatency) {
        Runnable logConnect = () -> accessLog.connect(requestId, connection.id(), invocation, authorizerLatency);
        if (!invocation.isSuccessful()) {
            logConnect.run();
            abandon(request, connection);
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

    /** The authorizer refused: the client gets the verdict's status, no integration runs. */
    private void refuse(ChannelHandlerContext ctx, FullHttpRequest request, LocalConnection connection,
                        String requestId, AuthorizerVerdict verdict, Long authorizerLatency) {
        accessLog.refused(requestId, connection.id(), verdict, authorizerLatency);
        abandon(request, connection);
        ApiGatewayResponses.send(ctx, false, verdict.status(), "{\"message\":\"" + verdict.error() + "\"}", null);
    }

    /** Forgets a connection that was never accepted: no {@code $disconnect} will fire for it. */
    private void abandon(FullHttpRequest request, LocalConnection connection) {
        request.release();
        registry.remove(connection);
        connection.markEnded();
        connection.endHandled();
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

    /**
     * Forgets an open connection without {@code $disconnect}, as when API Gateway loses that event: no
     * longer in the registry (so {@code @connections} answers 410 for it), then its TCP connection reset,
     * no close frame. False if it is unknown, not open, closing, or already ending.
     */
    boolean dropWithoutDisconnect(String connectionId) {
        LocalConnection connection = registry.find(connectionId).filter(LocalConnection::isReachable).orElse(null);
        if (connection == null || !connection.markEnded()) {
            return false;
        }
        registry.remove(connection);
        // the end is handled now: channelInactive finds it ended and fires nothing
        connection.endHandled();
        Channel channel = connection.channel();
        onEventLoop(channel, () -> {
            // SO_LINGER 0: the close sends a reset at once and discards what was not written yet
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        }, channel::close);
        LOG.debug("{}: dropped without $disconnect", connectionId);
        return true;
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
