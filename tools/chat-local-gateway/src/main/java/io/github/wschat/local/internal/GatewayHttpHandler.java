package io.github.wschat.local.internal;

import io.github.wschat.testkit.connections.ApiGatewayResponses;
import io.github.wschat.testkit.connections.ConnectionsProtocol;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every connection to the port: sends a WebSocket upgrade of {@code /{stage}} to
 * {@code $connect} and the handshake, and {@code /{stage}/@connections/{id}} to the management API (the
 * test kit's {@link ConnectionsProtocol}, for the gateway's connections).
 * Anything else gets 403 {@code ForbiddenException}, as API Gateway answers a wrong stage or path.
 * Replaced by the WebSocket handlers once a handshake is accepted.
 */
final class GatewayHttpHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayHttpHandler.class);

    private final GatewayRuntime runtime;
    private final ConnectionsProtocol connectionsApi;

    GatewayHttpHandler(GatewayRuntime runtime, ConnectionsProtocol connectionsApi) {
        this.runtime = runtime;
        this.connectionsApi = connectionsApi;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest)) {
            ctx.fireChannelRead(msg);
            return;
        }
        FullHttpRequest request = (FullHttpRequest) msg;
        boolean handedOver = false;
        try {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (!request.decoderResult().isSuccess()) {
                ApiGatewayResponses.error(ctx, false, 400, "BadRequestException", "Bad Request");
                return;
            }
            String uri = request.uri();
            int query = uri.indexOf('?');
            String rawPath = query < 0 ? uri : uri.substring(0, query);
            String stage = runtime.config().stage();
            if (isWebSocketUpgrade(request)) {
                if (rawPath.equals("/" + stage) || rawPath.equals("/" + stage + "/")) {
                    handedOver = true;
                    runtime.upgrade(ctx, request);
                } else {
                    LOG.debug("refusing a WebSocket upgrade of {}: the stage path is /{}", rawPath, stage);
                    ApiGatewayResponses.send(ctx, false, 403, ApiGatewayResponses.FORBIDDEN_BODY, "ForbiddenException");
                }
                return;
            }
            if (ConnectionsProtocol.isConnectionsPath(rawPath)) {
                connectionsApi.handle(ctx, request, keepAlive);
                return;
            }
            ApiGatewayResponses.send(ctx, keepAlive, 403, ApiGatewayResponses.FORBIDDEN_BODY, "ForbiddenException");
        } finally {
            if (!handedOver) {
                request.release();
            }
        }
    }

    private static boolean isWebSocketUpgrade(FullHttpRequest request) {
        return HttpMethod.GET.equals(request.method())
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing {} after {}", ctx.channel(), cause.toString());
        ctx.close();
    }
}
