package io.github.wschat.benchmarks.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Many WebSocket clients of one URI on one Netty event loop group: light enough for ten thousand in one
 * JVM (one socket and a few small objects each). Every client hands a text message that is the expected
 * text of the current {@link Broadcast} to it, with the time it was decoded; any other text goes to the
 * client's control queue ({@link BenchClient#nextControl}).
 *
 * <p>Clients get consecutive indexes from 0 in the order they connected.
 */
public final class WebSocketClients implements AutoCloseable {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    private final URI uri;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final List<BenchClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicReference<Broadcast> current = new AtomicReference<>();

    private WebSocketClients(URI uri, int threads) {
        this.uri = uri;
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("bench-client", true),
                NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) HANDSHAKE_TIMEOUT.toMillis());
    }

    /** Clients of {@code uri} ({@code ws://host:port/stage}) on {@code threads} event loop threads. */
    public static WebSocketClients create(URI uri, int threads) {
        return new WebSocketClients(uri, threads);
    }

    /** How many clients are connected (and not closed by {@link #closeLast}). */
    public int size() {
        return clients.size();
    }

    /** The client of this index. */
    public BenchClient get(int index) {
        return clients.get(index);
    }

    /** Every connected client, in index order. */
    public List<BenchClient> all() {
        return List.copyOf(clients);
    }

    /**
     * Connects until there are {@code total} clients, at most {@code parallelism} handshakes at a time
     * (each waits for the API's {@code $connect} handler), and returns the new ones.
     *
     * @throws IllegalStateException if a handshake fails or all do not finish within {@code timeout}
     */
    public List<BenchClient> connectUpTo(int total, int parallelism, Duration timeout) throws InterruptedException {
        int missing = total - clients.size();
        List<CompletableFuture<BenchClient>> pending = new ArrayList<>();
        Semaphore inFlight = new Semaphore(parallelism);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < missing; i++) {
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("connecting " + missing + " clients took longer than " + timeout);
            }
            CompletableFuture<BenchClient> connected = connectOne();
            connected.whenComplete((client, error) -> inFlight.release());
            pending.add(connected);
        }
        List<BenchClient> added = new ArrayList<>();
        for (CompletableFuture<BenchClient> connected : pending) {
            try {
                added.add(connected.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("a WebSocket handshake with " + uri + " failed", e);
            }
        }
        synchronized (clients) {
            for (BenchClient client : added) {
                client.index(clients.size());
                clients.add(client);
            }
        }
        return added;
    }

    /** Connects one client, not yet counted among {@link #all()}; completes when the handshake is done. */
    public CompletableFuture<BenchClient> connectOne() {
        CompletableFuture<BenchClient> handshake = new CompletableFuture<>();
        BenchClient client = new BenchClient(current);
        long start = System.nanoTime();
        bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(
                        new HttpClientCodec(),
                        new HttpObjectAggregator(64 * 1024),
                        new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                .webSocketUri(uri)
                                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT.toMillis())
                                .build()),
                        new FrameHandler(client, handshake, start));
            }
        }).connect(uri.getHost(), uri.getPort()).addListener(connected -> {
            if (!connected.isSuccess()) {
                handshake.completeExceptionally(connected.cause());
            }
        });
        return handshake;
    }

    /** Starts timing a broadcast of {@code message}: from now on, clients hand that text to it. */
    public Broadcast expect(String message, int senderIndex, int recipients) {
        return expect(message, message::equals, senderIndex, recipients);
    }

    /**
     * Starts timing a broadcast whose texts differ per recipient or carry the server's time (a room's
     * {@code message} event): from now on, clients hand every text {@code isMessage} accepts to it;
     * {@code description} names it.
     */
    public Broadcast expect(String description, Predicate<String> isMessage, int senderIndex, int recipients) {
        Broadcast broadcast = new Broadcast(description, isMessage, senderIndex, recipients, clients.size());
        current.set(broadcast);
        return broadcast;
    }

    /** Stops handing texts to the current broadcast. */
    public void stopExpecting() {
        current.set(null);
    }

    /** Closes the last {@code count} clients (close frame, then the socket) and forgets them. */
    public void closeLast(int count, Duration timeout) throws InterruptedException {
        List<BenchClient> closing;
        synchronized (clients) {
            closing = new ArrayList<>(clients.subList(clients.size() - count, clients.size()));
            clients.subList(clients.size() - count, clients.size()).clear();
        }
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (BenchClient client : closing) {
            closed.add(client.close());
        }
        try {
            CompletableFuture.allOf(closed.toArray(new CompletableFuture<?>[0])).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("closing " + count + " clients took longer than " + timeout, e);
        }
    }

    /** Closes every client's socket and stops the event loops. */
    @Override
    public void close() {
        for (BenchClient client : clients) {
            client.channel().close();
        }
        clients.clear();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** Completes the handshake future, then routes each text message. */
    private static final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final BenchClient client;
        private final CompletableFuture<BenchClient> handshake;
        private final long start;

        FrameHandler(BenchClient client, CompletableFuture<BenchClient> handshake, long start) {
            this.client = client;
            this.handshake = handshake;
            this.start = start;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                client.opened(ctx.channel(), System.nanoTime() - start);
                handshake.complete(client);
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                handshake.completeExceptionally(new TimeoutException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                client.onText(text.text(), System.nanoTime());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            handshake.completeExceptionally(new IllegalStateException("connection closed before the handshake"));
            client.closed();
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handshake.completeExceptionally(cause);
            ctx.close();
        }
    }
}
