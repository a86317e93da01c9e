package io.github.wschat.testkit.websocket;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A WebSocket echo server on Netty, on {@code 127.0.0.1} and a free port, for the kit's client tests: it
 * serves {@code /ws} (frames of at most {@value #MAX_FRAME_BYTES} bytes, bigger close with 1009; subprotocol
 * {@code chat.v2}), echoes each whole text or binary message, closes with code and reason on a text
 * {@code close <code> <reason>}, echoes a client's close frame, and answers other paths 403. It records each
 * handshake and how each connection ended. Register it as an extension: it closes after each test.
 */
final class LoopbackWebSocketServer implements AutoCloseable, AfterEachCallback {

    static final int MAX_FRAME_BYTES = 32 * 1024;

    /** A handshake the server accepted: the request's headers and the subprotocol it selected. */
    record Handshake(Map<String, String> headers, String subprotocol) {
    }

    /** How a connection ended on the server's side: the client's close frame, or none (code -1). */
    record Ending(int clientCloseCode, String clientCloseReason) {
        boolean closeFrameReceived() {
            return clientCloseCode >= 0;
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("loopback-ws", true), NioIoHandler.newFactory());
    private final BlockingQueue<Handshake> handshakes = new LinkedBlockingQueue<>();
    private final BlockingQueue<Ending> endings = new LinkedBlockingQueue<>();
    /** The accepted connections, so that {@link #close()} drops each of them itself. */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LoopbackWebSocketServer() {
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws")
                .checkStartsWith(true)
                .subprotocols("chat.v2")
                .handleCloseFrames(false)
                .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(MAX_FRAME_BYTES).build())
                .build();
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new WebSocketServerProtocolHandler(config), new Refusal(),
                                new WebSocketFrameAggregator(1024 * 1024), new Echo());
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).syncUninterruptibly().channel();
    }

    static LoopbackWebSocketServer start() {
        return new LoopbackWebSocketServer();
    }

    URI uri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + pathAndQuery);
    }

    URI uri() {
        return uri("/ws");
    }

    Handshake nextHandshake() throws InterruptedException {
        return poll(handshakes, "handshake");
    }

    Ending nextEnding() throws InterruptedException {
        return poll(endings, "connection end");
    }

    private static <T> T poll(BlockingQueue<T> queue, String what) throws InterruptedException {
        T next = queue.poll(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no " + what + " within " + WebSocketTestClient.DEFAULT_TIMEOUT);
        }
        return next;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Stops listening and drops every connection without a close frame; once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close().syncUninterruptibly();
        // Dropped here, while the event loop runs, rather than left to its shutdown (under load a client
        // then saw no end within 10 s), and from the pipeline's first handler: a close from its tail
        // would pass Netty's WebSocket handler, which writes a 1000 close frame first. With a reset (linger 0),
        // as a connection lost on the network ends: the JDK's WebSocket client, under load, now and then never
        // reported an orderly FIN (seen in four full builds), where it reports a reset at once.
        // On the connection's event loop, where Netty closes a socket the client ended first: the option is
        // set only on a socket still open (set on a closed one, it threw "Socket is closed").
        for (Channel connection : connections) {
            connection.eventLoop().submit(() -> {
                if (connection.isOpen()) {
                    connection.config().setOption(ChannelOption.SO_LINGER, 0);
                    connection.pipeline().firstContext().close();
                }
            }).syncUninterruptibly();
            connection.closeFuture().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Answers 403 to an HTTP request for any path but {@code /ws}. */
    private static final class Refusal extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            DefaultFullHttpResponse forbidden = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.FORBIDDEN, Unpooled.EMPTY_BUFFER);
            forbidden.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(forbidden).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Echoes messages, closes on request, and records handshakes and endings. */
    private final class Echo extends SimpleChannelInboundHandler<Object> {

        private Ending ending = new Ending(-1, "");
        private boolean closeSent;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete complete) {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                complete.requestHeaders().forEach(header -> headers.put(header.getKey(), header.getValue()));
                handshakes.add(new Handshake(headers, String.valueOf(complete.selectedSubprotocol())));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object frame) {
            if (frame instanceof TextWebSocketFrame text && text.text().startsWith("close ")) {
                String[] command = text.text().split(" ", 3);
                closeSent = true;
                ctx.writeAndFlush(new CloseWebSocketFrame(Integer.parseInt(command[1]), command[2]));
            } else if (frame instanceof TextWebSocketFrame text) {
                ctx.writeAndFlush(new TextWebSocketFrame(text.text()));
            } else if (frame instanceof BinaryWebSocketFrame binary) {
                ctx.writeAndFlush(new BinaryWebSocketFrame(binary.content().retain()));
            } else if (frame instanceof CloseWebSocketFrame close) {
                ending = new Ending(close.statusCode(), close.reasonText());
                if (closeSent) {
                    ctx.close(); // the client's answer to the server's close: the handshake is done
                } else {
                    ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), close.reasonText()))
                            .addListener(ChannelFutureListener.CLOSE);
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            endings.add(ending);
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
