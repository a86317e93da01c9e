package io.github.wschat.local.internal;

import io.github.wschat.testkit.connections.ConnectionsProtocol;
import io.github.wschat.testkit.connections.FaultInjection;
import io.github.wschat.testkit.connections.Faults;
import io.github.wschat.testkit.connections.RequestLog;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Netty server of a local WebSocket API: one port for WebSocket clients and the {@code @connections}
 * API, event loops for I/O only, handlers on a separate executor.
 */
public final class GatewayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private static final int MAX_HTTP_BODY_BYTES = 16 * 1024 * 1024;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final GatewayRuntime runtime;
    private final ConnectionsProtocol connectionsApi;
    private final EventLoopGroup group;
    private final ExecutorService ownedExecutor;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel serverChannel;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GatewayServer(GatewayConfig config, FaultInjection faults) throws InterruptedException {
        this.ownedExecutor = config.handlerExecutor() == null ? newHandlerExecutor() : null;
        this.runtime = new GatewayRuntime(config,
                ownedExecutor != null ? ownedExecutor : config.handlerExecutor());
        this.connectionsApi = ConnectionsProtocol.builder()
                .stage(config.stage())
                .connections(new GatewayConnections(runtime.registry()))
                .maxMessageBytes(config.maxMessageBytes())
                .recordRequests(config.recordConnectionsRequests())
                .build();
        connectionsApi.faults().inject(faults);
        this.group = new MultiThreadIoEventLoopGroup(0,
                new DefaultThreadFactory("wschat-local-gateway", true), NioIoHandler.newFactory());
        int httpLimit = Math.max(MAX_HTTP_BODY_BYTES, 2 * config.maxMessageBytes());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        config.maxPendingOutboundBytes() / 2, config.maxPendingOutboundBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        channel.pipeline().addLast(
                                new HttpServerCodec(),
                                new HttpObjectAggregator(httpLimit),
                                new GatewayHttpHandler(runtime, connectionsApi));
                    }
                });
        try {
            this.serverChannel = bootstrap.bind(config.host(), config.port()).sync().channel();
            this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        } catch (Exception e) {
            // also the bind failure, a checked exception Netty rethrows undeclared
            shutdownThreads();
            throw e;
        }
    }

    /** Binds and serves; fails if the port cannot be bound. */
    public static GatewayServer start(GatewayConfig config, FaultInjection faults) throws InterruptedException {
        return new GatewayServer(config, faults);
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    /** The ids of the connections the {@code @connections} API reaches now. */
    public Set<String> connectionIds() {
        return runtime.registry().reachableIds();
    }

    /** The fault and latency script of the {@code @connections} API. */
    public Faults connectionsFaults() {
        return connectionsApi.faults();
    }

    /** The {@code @connections} calls received. */
    public RequestLog connectionsRequests() {
        return connectionsApi.requests();
    }

    /**
     * Sends a text message to a reachable connection, in process: what a {@code POST @connections} does
     * once its request is read. Completes true once written, false if the connection is not reachable or
     * the write failed.
     */
    public CompletableFuture<Boolean> sendText(String connectionId, String text) {
        Optional<LocalConnection> found = runtime.registry().find(connectionId).filter(LocalConnection::isReachable);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        found.get().sendText(text).addListener(future -> written.complete(future.isSuccess()));
        return written;
    }

    /** See {@code LocalWebSocketApi#dropWithoutDisconnect}. */
    public boolean dropWithoutDisconnect(String connectionId) {
        return runtime.dropWithoutDisconnect(connectionId);
    }

    /**
     * Stops accepting, closes every connection with 1001 (firing their {@code $disconnect}), waits a few
     * seconds for running handlers, then stops the threads.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        connectionsApi.faults().release();
        serverChannel.close().awaitUninterruptibly();
        List<LocalConnection> connections = runtime.registry().all();
        for (LocalConnection connection : connections) {
            if (connection.isReachable()) {
                connection.closeWith(GatewayRuntime.GOING_AWAY, "Going away");
            } else {
                connection.channel().close();
            }
        }
        // each end handled means its $disconnect is running (a pending $connect ends when it returns)
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        for (LocalConnection connection : connections) {
            try {
                connection.whenEndHandled().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("connection {} not ended at shutdown", connection.id());
            }
        }
        // the rest: @connections callers' keep-alive connections, half-open handshakes
        channels.close().awaitUninterruptibly(SHUTDOWN_WAIT.toMillis());
        runtime.invoker().awaitIdle(SHUTDOWN_WAIT);
        shutdownThreads();
        LOG.debug("local WebSocket API on port {} stopped", port);
    }

    private void shutdownThreads() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(SHUTDOWN_WAIT.toMillis());
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
            try {
                if (!ownedExecutor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    ownedExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                ownedExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ExecutorService newHandlerExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "wschat-local-lambda-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(threads);
    }
}
