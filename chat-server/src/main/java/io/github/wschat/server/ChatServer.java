package io.github.wschat.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DuplexChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 server on Netty: one event-loop group, an {@link HttpServerCodec} and an aggregator refusing a
 * body over {@link Builder#maxBodyBytes} with 413 as soon as its {@code Content-Length} says so (before reading
 * it), keep-alive, and the {@link ServerApi} run on a bounded pool of workers ({@link Builder#workers} threads,
 * {@link Builder#queue} waiting requests; past that, 429).
 *
 * <p>{@link #stop(Duration)} is the graceful stop of SIGTERM: the listening socket is closed first (new
 * connections are refused), idle keep-alive connections are closed, the requests in flight are answered (with
 * {@code Connection: close}) for up to the grace, then everything is closed.
 */
final class ChatServer {

    /** The largest request body: a 32 KB text escaped 6 times over is 196 KB of JSON. */
    static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    /** Enough for a 16 KB token in {@code Authorization}. */
    static final int MAX_HEADER_BYTES = 24 * 1024;
    static final int DEFAULT_WORKERS = 32;
    static final int DEFAULT_QUEUE = 512;

    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

    private final ServerApi api;
    private final int requestedPort;
    private final int maxBodyBytes;
    private final EventLoopGroup group;
    private final ThreadPoolExecutor workers;
    private final ChannelGroup channels = new DefaultChannelGroup("wschat-server", GlobalEventExecutor.INSTANCE);
    private final InFlight inFlight = new InFlight();
    private final InetAddress address;
    private Channel listening;
    private boolean stopped;

    private ChatServer(Builder builder) {
        this.api = Objects.requireNonNull(builder.api, "api");
        this.requestedPort = builder.port;
        this.address = builder.address;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("wschat-server-io", true),
                NioIoHandler.newFactory());
        this.workers = new ThreadPoolExecutor(builder.workers, builder.workers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(builder.queue), new DefaultThreadFactory("wschat-server-worker", true),
                new ThreadPoolExecutor.AbortPolicy());
        workers.allowCoreThreadTimeOut(true);
    }

    static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts accepting. */
    synchronized ChatServer start() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        channel.pipeline().addLast(
                                new HttpServerCodec(new HttpDecoderConfig().setMaxHeaderSize(MAX_HEADER_BYTES)),
                                new CappedAggregator(maxBodyBytes),
                                new RequestHandler(api, workers, inFlight));
                    }
                });
        listening = (address == null ? bootstrap.bind(requestedPort) : bootstrap.bind(address, requestedPort))
                .syncUninterruptibly().channel();
        LOG.atInfo().addKeyValue("port", port()).log("chat server listening on port {}", port());
        return this;
    }

    /** The port listened on (the one chosen when 0 was asked). */
    synchronized int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /**
     * Stops accepting, lets the requests in flight finish for up to {@code grace}, then closes everything.
     *
     * @return how many requests were still in flight when the grace ran out (0 when every one was answered)
     */
    synchronized int stop(Duration grace) {
        if (stopped) {
            return 0;
        }
        stopped = true;
        if (listening != null) {
            listening.close().syncUninterruptibly();
        }
        inFlight.drain();
        LOG.atInfo().addKeyValue("inFlight", inFlight.count())
                .log("stopped accepting connections; {} request(s) in flight, {} s to finish", inFlight.count(),
                        grace.toSeconds());
        for (Channel channel : channels) {
            channel.eventLoop().execute(() -> {
                if (!Boolean.TRUE.equals(channel.attr(RequestHandler.BUSY).get())) {
                    channel.close();
                }
            });
        }
        int abandoned = 0;
        try {
            if (!inFlight.awaitIdle(grace)) {
                abandoned = inFlight.count();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = inFlight.count();
        }
        channels.close().awaitUninterruptibly();
        workers.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        if (abandoned > 0) {
            LOG.warn("stopped with {} request(s) unanswered after the grace of {} s", abandoned, grace.toSeconds());
        } else {
            LOG.info("stopped: every request answered");
        }
        return abandoned;
    }

    /**
     * The aggregator of requests up to the body cap, answering a larger one 413 {@code too_large} in the server
     * API's JSON as soon as its head says so; the rest of the body, still sent, is read and dropped until the
     * client closes, since closing with unread bytes would reset the connection before the client reads the 413.
     */
    private static final class CappedAggregator extends HttpObjectAggregator {
        private final int maxBodyBytes;

        CappedAggregator(int maxBodyBytes) {
            super(maxBodyBytes);
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            if (!(oversized instanceof HttpRequest request)) {
                ctx.close();
                return;
            }
            HttpAnswer answer = ServerApi.error(413, "too_large", "the body is larger than " + maxBodyBytes + " bytes");
            String path = ServerApi.pathOf(request.uri());
            Channel channel = ctx.channel();
            ctx.writeAndFlush(RequestHandler.response(answer, false)).addListener((ChannelFutureListener) written -> {
                RequestHandler.ACCESS.atInfo().addKeyValue("method", request.method().name()).addKeyValue("path", path)
                        .addKeyValue("status", 413).addKeyValue("ms", 0)
                        .log("{} {} {} {} ms", request.method().name(), path, 413, 0);
                if (!written.isSuccess() || !(channel instanceof DuplexChannel duplex)) {
                    channel.close();
                    return;
                }
                duplex.shutdownOutput();
                channel.eventLoop().schedule(() -> channel.close(), 5, TimeUnit.SECONDS);
            });
        }
    }

    /** The server's parts and limits; the API is required. */
    static final class Builder {
        private ServerApi api;
        private int port = ServerSettings.DEFAULT_PORT;
        private InetAddress address;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int workers = DEFAULT_WORKERS;
        private int queue = DEFAULT_QUEUE;

        private Builder() {
        }

        Builder api(ServerApi value) {
            this.api = value;
            return this;
        }

        /** Default {@value ServerSettings#DEFAULT_PORT}; 0 for any free port. */
        Builder port(int value) {
            this.port = value;
            return this;
        }

        /** The address listened on; default every interface (a container's). */
        Builder address(InetAddress value) {
            this.address = value;
            return this;
        }

        /** The largest request body; default {@value #DEFAULT_MAX_BODY_BYTES} bytes. */
        Builder maxBodyBytes(int value) {
            this.maxBodyBytes = value;
            return this;
        }

        /** Worker threads, each answering one request at a time; default {@value #DEFAULT_WORKERS}. */
        Builder workers(int value) {
            this.workers = value;
            return this;
        }

        /** Requests waiting for a worker before 429; default {@value #DEFAULT_QUEUE}. */
        Builder queue(int value) {
            this.queue = value;
            return this;
        }

        ChatServer build() {
            return new ChatServer(this);
        }
    }
}
