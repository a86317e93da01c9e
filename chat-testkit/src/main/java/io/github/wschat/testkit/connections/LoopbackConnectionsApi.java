package io.github.wschat.testkit.connections;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * API Gateway's {@code @connections} API alone on a loopback port, for tests of code that sends through it
 * with the real AWS SDK and no WebSocket at all: the test registers the connections
 * ({@link #connect(String)}), the server records the bodies posted to them ({@link #receivedBy(String)}),
 * answers as {@link ConnectionsProtocol} says, with the faults and latency of {@link #faults()}, and logs
 * every call in {@link #requests()}. Unlike the local gateway, it checks that calls are signed: one
 * without a SigV4 {@code Authorization} header gets 403 {@code ForbiddenException}.
 *
 * <pre>{@code
 * try (LoopbackConnectionsApi api = LoopbackConnectionsApi.start()) {
 *     String id = api.connect("Bq3xkcNyoAMCJpQ=");
 *     api.faults().next(id, Fault.LIMIT_EXCEEDED);       // the first post gets 429, the retry passes
 *     ApiGatewayManagementApiClient client = ApiGatewayManagementApiClient.builder()
 *             .endpointOverride(api.endpoint())...build();
 *     client.postToConnection(p -> p.connectionId(id).data(SdkBytes.fromUtf8String("hi")));
 *     assertThat(api.receivedBy(id)).containsExactly("hi");
 *     assertThat(api.requests().countFor(id)).isEqualTo(2);
 * }
 * }</pre>
 */
public final class LoopbackConnectionsApi implements AutoCloseable {

    /** The stage: the endpoint is {@code http://127.0.0.1:<port>/test}. */
    public static final String STAGE = "test";
    /** When a connection registered without its info connected. */
    public static final Instant DEFAULT_CONNECTED_AT = Instant.parse("2026-11-25T10:15:30Z");
    /** When a connection registered without its info was last active. */
    public static final Instant DEFAULT_LAST_ACTIVE_AT = Instant.parse("2026-11-25T10:16:01.250Z");
    /** The source IP of a connection registered without its info. */
    public static final String DEFAULT_SOURCE_IP = "203.0.113.10";
    /** The user agent of a connection registered without its info. */
    public static final String DEFAULT_USER_AGENT = "wscat/6.1.0";

    private static final int MAX_HTTP_BODY_BYTES = 16 * 1024 * 1024;

    private final Registered connections = new Registered();
    private final ConnectionsProtocol protocol;
    private final EventLoopGroup group;
    private final Channel serverChannel;

    private LoopbackConnectionsApi() throws InterruptedException {
        this.protocol = ConnectionsProtocol.builder().stage(STAGE).connections(connections)
                .requireSignature(true).build();
        this.group = new MultiThreadIoEventLoopGroup(0,
                new DefaultThreadFactory("wschat-loopback-connections", true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_HTTP_BODY_BYTES),
                                new ProtocolHandler(protocol));
                    }
                });
        try {
            this.serverChannel = bootstrap.bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        } catch (Exception e) {
            // also the bind failure, a checked exception Netty rethrows undeclared
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Starts a server on {@code 127.0.0.1} and a free port. */
    public static LoopbackConnectionsApi start() {
        try {
            return new LoopbackConnectionsApi();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the loopback @connections API", e);
        }
    }

    /** The management endpoint, {@code http://127.0.0.1:<port>/test}: the SDK client's endpoint override. */
    public URI endpoint() {
        InetSocketAddress address = (InetSocketAddress) serverChannel.localAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/" + STAGE);
    }

    /** Registers {@code connectionId} as a live connection with the default info; returns it. */
    public String connect(String connectionId) {
        return connect(connectionId, DEFAULT_SOURCE_IP, DEFAULT_USER_AGENT);
    }

    /** Registers {@code connectionId} with this identity and the default times; returns it. */
    public String connect(String connectionId, String sourceIp, String userAgent) {
        return connect(connectionId, new ConnectionInfo(DEFAULT_CONNECTED_AT, DEFAULT_LAST_ACTIVE_AT, sourceIp, userAgent));
    }

    /** Registers {@code connectionId} with what {@code GET} answers of it; returns it. */
    public String connect(String connectionId, ConnectionInfo info) {
        connections.live.put(connectionId, info);
        return connectionId;
    }

    /** Whether {@code connectionId} is registered and not deleted. */
    public boolean isLive(String connectionId) {
        return connections.live.containsKey(connectionId);
    }

    /** The bodies posted to {@code connectionId} and accepted (200), oldest first. */
    public List<String> receivedBy(String connectionId) {
        List<String> bodies = connections.received.get(connectionId);
        if (bodies == null) {
            return List.of();
        }
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    /** The fault and latency script. */
    public Faults faults() {
        return protocol.faults();
    }

    /** The calls received. */
    public RequestLog requests() {
        return protocol.requests();
    }

    /** Releases held answers, stops serving and stops the threads. */
    @Override
    public void close() {
        faults().release();
        serverChannel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** The connections the test registered, and what was posted to them. */
    private static final class Registered implements LiveConnections {

        private final Map<String, ConnectionInfo> live = new ConcurrentHashMap<>();
        private final Map<String, List<String>> received = new ConcurrentHashMap<>();

        @Override
        public CompletionStage<Delivery> post(String connectionId, byte[] data) {
            if (!live.containsKey(connectionId)) {
                return CompletableFuture.completedFuture(Delivery.GONE);
            }
            received.computeIfAbsent(connectionId, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new String(data, StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(Delivery.DELIVERED);
        }

        @Override
        public Optional<ConnectionInfo> describe(String connectionId) {
            return Optional.ofNullable(live.get(connectionId));
        }

        @Override
        public boolean delete(String connectionId) {
            return live.remove(connectionId) != null;
        }
    }

    /** Every request to the protocol; any other path gets 403, as API Gateway answers it. */
    private static final class ProtocolHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final ConnectionsProtocol protocol;

        ProtocolHandler(ConnectionsProtocol protocol) {
            this.protocol = protocol;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (!request.decoderResult().isSuccess()) {
                ApiGatewayResponses.error(ctx, false, 400, "BadRequestException", "Bad Request");
                return;
            }
            protocol.handle(ctx, request, keepAlive);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
