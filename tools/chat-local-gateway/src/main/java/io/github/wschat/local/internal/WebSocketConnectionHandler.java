package io.github.wschat.local.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The frames of one open connection: whole messages (reassembled by the aggregator before it) go to the
 * runtime, pings are answered, a close frame is echoed and ends the connection; limits and timeouts close
 * it with the codes API Gateway uses (1009 too big, 1001 idle), and any end fires {@code $disconnect}.
 */
final class WebSocketConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnectionHandler.class);

    private final GatewayRuntime runtime;
    private final LocalConnection connection;

    WebSocketConnectionHandler(GatewayRuntime runtime, LocalConnection connection) {
        this.runtime = runtime;
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame) {
                runtime.onText(connection, ((TextWebSocketFrame) msg).text());
            } else if (msg instanceof BinaryWebSocketFrame) {
                runtime.onBinary(connection, ByteBufUtil.getBytes(((BinaryWebSocketFrame) msg).content()));
            } else if (msg instanceof PingWebSocketFrame) {
                connection.touch(runtime.now());
                ctx.writeAndFlush(new PongWebSocketFrame(((PingWebSocketFrame) msg).content().retain()));
            } else if (msg instanceof CloseWebSocketFrame) {
                onClose(ctx, (CloseWebSocketFrame) msg);
            } else if (!(msg instanceof PongWebSocketFrame)) {
                LOG.debug("{}: ignoring {}", connection.id(), msg.getClass().getSimpleName());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onClose(ChannelHandlerContext ctx, CloseWebSocketFrame frame) {
        int code = frame.statusCode();
        if (code == -1) {
            connection.recordClose(WebSocketCloseStatus.EMPTY.code(), "");
        } else {
            connection.recordClose(code, frame.reasonText());
        }
        if (connection.markClosing()) {
            CloseWebSocketFrame echo = code == -1 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, "");
            ctx.writeAndFlush(echo).addListener(ChannelFutureListener.CLOSE);
        } else {
            // we had sent our close frame already: this is the answer
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.debug("{}: idle timeout", connection.id());
            connection.closeWith(GatewayRuntime.GOING_AWAY, "Going away");
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException) {
            // the frame decoder refused a frame (1009 frame too big, 1002, 1007…) and drops all that follows
            WebSocketCloseStatus status = ((CorruptedWebSocketFrameException) cause).closeStatus();
            LOG.debug("{}: {}", connection.id(), cause.getMessage());
            connection.closeWith(status.code(), status.reasonText());
        } else if (cause instanceof TooLongFrameException) {
            LOG.debug("{}: {}", connection.id(), cause.getMessage());
            connection.closeWith(GatewayRuntime.MESSAGE_TOO_BIG, "Message too big");
        } else if (cause instanceof IOException) {
            LOG.debug("{}: {}", connection.id(), cause.toString());
            ctx.close();
        } else {
            LOG.warn("{}: unexpected error, closing the connection", connection.id(), cause);
            connection.closeWith(WebSocketCloseStatus.INTERNAL_SERVER_ERROR.code(), "Internal server error");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        runtime.ended(connection);
        super.channelInactive(ctx);
    }
}
